package io.rdswatch.agent.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Shows the demo's status board. On a terminal it is redrawn in place; piped into a file or a test,
 * each refresh is a plain block followed by a blank line, because escape codes there are only
 * noise.
 */
public final class BoardPrinter {

  private static final String ESC = "\u001b[";

  /**
   * Autowrap off while drawing: a line wider than the terminal is cut, not wrapped onto a row we
   * would not clear.
   */
  private static final String NO_WRAP = ESC + "?7l";

  private static final String WRAP = ESC + "?7h";
  private static final String CLEAR_LINE = ESC + "2K";

  /** Clears whatever an earlier, longer board left below the cursor. */
  private static final String CLEAR_BELOW = ESC + "J";

  private final PrintStream out;
  private final boolean terminal;
  private int drawn;

  public BoardPrinter(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /** Standard output, redrawn in place only when it is a terminal. */
  public static BoardPrinter stdout() {
    return new BoardPrinter(System.out, System.console() != null);
  }

  /** A terminal is cheap to redraw; a log file should not grow by a block a second. */
  public Duration refreshEvery() {
    return terminal ? Duration.ofSeconds(1) : Duration.ofSeconds(5);
  }

  public void draw(List<String> lines) {
    StringBuilder s = new StringBuilder();
    if (terminal) {
      s.append(NO_WRAP);
      if (drawn > 0) {
        s.append(ESC).append(drawn).append('A'); // back to the first line of the previous board
      }
      lines.forEach(l -> s.append('\r').append(CLEAR_LINE).append(l).append('\n'));
      s.append(CLEAR_BELOW).append(WRAP);
    } else {
      lines.forEach(l -> s.append(l).append('\n'));
      s.append('\n');
    }
    drawn = lines.size();
    out.print(s);
    out.flush();
  }
}
