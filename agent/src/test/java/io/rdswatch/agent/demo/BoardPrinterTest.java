package io.rdswatch.agent.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo's board: redrawn in place on a terminal, appended as plain blocks when piped. */
class BoardPrinterTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void pipedOutputIsPlainBlocksOneAfterAnother() {
    BoardPrinter board = new BoardPrinter(out, false);
    board.draw(List.of("a  waiting", "b  waiting"));
    board.draw(List.of("a  up", "b  DOWN"));

    assertThat(text())
        .isEqualTo("a  waiting\nb  waiting\n\na  up\nb  DOWN\n\n")
        .doesNotContain("\u001b");
    assertThat(board.refreshEvery()).hasSeconds(5);
  }

  @Test
  void onATerminalEachRefreshOverwritesThePreviousBoard() {
    BoardPrinter board = new BoardPrinter(out, true);
    Screen screen = new Screen();
    screen.type("rdswatch demo: 2 simulated instance(s)\n\n");
    board.draw(List.of("a  waiting for the first poll", "b  waiting for the first poll"));
    board.draw(List.of("a  up  tasks 3", "b  DOWN (connect)"));

    assertThat(screen.type(text()).rows())
        .containsExactly(
            "rdswatch demo: 2 simulated instance(s)",
            "",
            "a  up  tasks 3",
            "b  DOWN (connect)",
            "");
    assertThat(board.refreshEvery()).hasSeconds(1);
  }

  @Test
  void aShorterBoardLeavesNoStaleLineBelow() {
    BoardPrinter board = new BoardPrinter(out, true);
    board.draw(List.of("a", "b", "c"));
    board.draw(List.of("a2"));

    assertThat(new Screen().type(text()).rows()).containsExactly("a2", "");
  }

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * Just enough of a VT100 for the codes a board uses: CR, LF, cursor up, clear line, clear below.
   */
  private static final class Screen {
    private static final Pattern CSI = Pattern.compile("\u001b\\[(\\??\\d*)([A-Za-z])");
    private final List<StringBuilder> rows = new ArrayList<>(List.of(new StringBuilder()));
    private int row;
    private int col;

    Screen type(String text) {
      Matcher m = CSI.matcher(text);
      int at = 0;
      while (at < text.length()) {
        if (m.region(at, text.length()).lookingAt()) {
          control(m.group(1), m.group(2).charAt(0));
          at = m.end();
        } else {
          put(text.charAt(at++));
        }
      }
      return this;
    }

    List<String> rows() {
      return rows.stream().map(StringBuilder::toString).toList();
    }

    private void put(char c) {
      if (c == '\r') {
        col = 0;
      } else if (c == '\n') {
        row++;
        col = 0;
        if (row == rows.size()) {
          rows.add(new StringBuilder());
        }
      } else {
        StringBuilder r = rows.get(row);
        while (r.length() < col) {
          r.append(' ');
        }
        if (col < r.length()) {
          r.setCharAt(col, c);
        } else {
          r.append(c);
        }
        col++;
      }
    }

    private void control(String arg, char code) {
      switch (code) {
        case 'A' -> row = Math.max(0, row - (arg.isEmpty() ? 1 : Integer.parseInt(arg)));
        case 'K' -> rows.get(row).setLength(0); // 2K: the whole line
        case 'J' -> {
          rows.get(row).setLength(col);
          rows.subList(row + 1, rows.size()).clear();
        }
        case 'h', 'l' -> {} // autowrap on/off: this screen never wraps
        default -> throw new AssertionError("unexpected control code ESC[" + arg + code);
      }
    }
  }
}
