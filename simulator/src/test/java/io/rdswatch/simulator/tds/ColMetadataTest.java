package io.rdswatch.simulator.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdswatch.simulator.engine.Column;
import io.rdswatch.simulator.engine.SqlType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** COLMETADATA and ROW encodings, byte for byte. */
class ColMetadataTest {

  @Test
  void columnMetadataForSeveralTypes() {
    TdsBuffer out = new TdsBuffer();
    TokenWriter.colMetadata(
        out,
        List.of(
            Column.of("id", SqlType.INT),
            Column.of("n", SqlType.BIGINT),
            Column.of("ok", SqlType.BIT),
            Column.of("name", SqlType.NVARCHAR),
            Column.of("info", SqlType.NVARCHAR_MAX),
            Column.of("pct", SqlType.DECIMAL),
            Column.of("at", SqlType.DATETIME),
            Column.of("f", SqlType.FLOAT),
            Column.of("o", SqlType.DATETIMEOFFSET)));
    String expected =
        "81 0900" // COLMETADATA, 9 columns
            + "00000000 0100 26 04 02"
            + Hex.utf16("id") // UserType, flags nullable, INTN(4)
            + "00000000 0100 26 08 01"
            + Hex.utf16("n") // BIGINT = INTN(8)
            + "00000000 0100 68 01 02"
            + Hex.utf16("ok") // BITN(1)
            + "00000000 0100 E7 401F 0904D00034 04"
            + Hex.utf16("name") // NVARCHAR(4000): 8000 bytes + collation
            + "00000000 0100 E7 FFFF 0904D00034 04"
            + Hex.utf16("info") // NVARCHAR(MAX): PLP marker
            + "00000000 0100 6A 11 26 02 03"
            + Hex.utf16("pct") // DECIMALN(17 bytes, precision 38, scale 2)
            + "00000000 0100 6F 08 02"
            + Hex.utf16("at") // DATETIMN(8)
            + "00000000 0100 6D 08 01"
            + Hex.utf16("f") // FLTN(8)
            + "00000000 0100 2B 07 01"
            + Hex.utf16("o"); // DATETIMEOFFSETN(7)
    assertThat(Hex.of(out.toByteArray())).isEqualTo(Hex.of(Hex.bytes(expected)));
  }

  @Test
  void rowValuesAndNulls() {
    List<Column> cols =
        List.of(
            Column.of("a", SqlType.INT),
            Column.of("s", SqlType.NVARCHAR),
            Column.of("m", SqlType.NVARCHAR_MAX),
            Column.of("d", SqlType.DECIMAL),
            Column.of("t", SqlType.DATETIME));
    TdsBuffer out = new TdsBuffer();
    TokenWriter.row(
        out,
        cols,
        new Object[] {
          258, "hi", "ab", new BigDecimal("-1.5"), LocalDateTime.of(1900, 1, 2, 0, 0, 1)
        });
    TokenWriter.row(out, cols, new Object[5]);
    String expected =
        "D1"
            + "04 02010000" // INT 258
            + "0400 6800 6900" // NVARCHAR: byte length, UTF-16LE
            + "0400000000000000 04000000 61006200 00000000" // PLP: total, one chunk, terminator
            + "11 00 96000000000000000000000000000000" // DECIMAL: sign 0 (negative), 150 unscaled
            + "08 01000000 2C010000" // DATETIME: day 1, 300 ticks = 1 s
            + "D1 00 FFFF FFFFFFFFFFFFFFFF 00 00"; // nulls
    assertThat(Hex.of(out.toByteArray())).isEqualTo(Hex.of(Hex.bytes(expected)));
  }

  @Test
  void aValueOfTheWrongTypeNamesTheColumn() {
    List<Column> cols = List.of(Column.of("task_id", SqlType.INT));
    assertThatThrownBy(() -> TokenWriter.row(new TdsBuffer(), cols, new Object[] {"7"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column 'task_id' is INT")
        .hasMessageContaining("String");
    assertThatThrownBy(
            () ->
                TokenWriter.row(
                    new TdsBuffer(),
                    List.of(Column.of("s", SqlType.NVARCHAR)),
                    new Object[] {"z".repeat(4001)}))
        .hasMessageContaining("use NVARCHAR_MAX");
  }
}
