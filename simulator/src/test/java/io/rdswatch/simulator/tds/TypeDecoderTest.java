package io.rdswatch.simulator.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** RPC parameter TYPE_INFO + value decoding from hand-built bytes. */
class TypeDecoderTest {

  static Object decode(String hex) throws TdsProtocolException {
    TdsInput in = new TdsInput(Hex.bytes(hex));
    TypeDecoder.Decoded d = TypeDecoder.read(in, "@p");
    assertThat(in.remaining()).as("consumed exactly").isZero();
    return d.value();
  }

  @Test
  void integersBitsAndFloats() throws Exception {
    assertThat(decode("26 04 04 FEFFFFFF")).isEqualTo(-2);
    assertThat(decode("26 08 08 0000000001000000")).isEqualTo(1L << 32);
    assertThat(decode("26 01 01 C8")).isEqualTo((short) 200); // TINYINT is unsigned
    assertThat(decode("26 04 00")).isNull();
    assertThat(decode("38 07000000")).isEqualTo(7); // fixed INT4
    assertThat(decode("68 01 01 01")).isEqualTo(true);
    assertThat(decode("6D 08 08 000000000000F83F")).isEqualTo(1.5);
    assertThat(decode("6D 04 04 0000C03F")).isEqualTo(1.5);
  }

  @Test
  void decimalsNumericsAndMoney() throws Exception {
    assertThat(decode("6A 11 26 02 11 00 96000000000000000000000000000000"))
        .isEqualTo(new BigDecimal("-1.50"));
    assertThat(decode("6C 05 0A 03 05 01 39300000")).isEqualTo(new BigDecimal("12.345"));
    assertThat(decode("6A 11 26 02 00")).isNull();
    assertThat(decode("6E 08 08 00000000 10270000")).isEqualTo(new BigDecimal("1.0000"));
  }

  @Test
  void stringsAndBinaryIncludingPlp() throws Exception {
    assertThat(decode("E7 401F 0904D00034 0400 6800 6900")).isEqualTo("hi");
    assertThat(decode("E7 401F 0904D00034 FFFF")).isNull();
    assertThat(decode("E7 FFFF 0904D00034 0400000000000000 02000000 6800 02000000 6900 00000000"))
        .isEqualTo("hi");
    assertThat(decode("E7 FFFF 0904D00034 FFFFFFFFFFFFFFFF")).isNull();
    assertThat(decode("A7 401F 0904D00034 0200 FC 21")).isEqualTo("ü!"); // VARCHAR in windows-1252
    assertThat(decode("A5 401F 0300 010203")).isEqualTo(new byte[] {1, 2, 3});
    assertThat(decode("A5 FFFF 0100000000000000 01000000 09 00000000")).isEqualTo(new byte[] {9});
  }

  @Test
  void datesAndTimes() throws Exception {
    // DATETIME: day 44999 after 1900-01-01, 23:59:59.997 = 25919999 ticks of 1/300 s
    assertThat(decode("6F 08 08 C7AF0000 FF818B01"))
        .isEqualTo(LocalDateTime.of(2023, 3, 16, 23, 59, 59, 997_000_000));
    // DATE: day 738594 after 0001-01-01
    assertThat(decode("28 03 22450B")).isEqualTo(LocalDate.of(2023, 3, 16));
    assertThat(decode("2A 07 08 0000000000 22450B")).isEqualTo(LocalDateTime.of(2023, 3, 16, 0, 0));
    assertThat(decode("29 00 03 0F0000")).isEqualTo(LocalTime.of(0, 0, 15));
    // DATETIMEOFFSET: 23:00 UTC on 2023-03-16, offset +60 minutes
    assertThat(decode("2B 00 08 704301 22450B 3C00"))
        .isEqualTo(OffsetDateTime.parse("2023-03-17T00:00+01:00"));
    assertThat(decode("2A 07 00")).isNull();
  }

  @Test
  void unknownTypesAreNamed() {
    assertThatThrownBy(() -> decode("F1 00"))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("'@p'")
        .hasMessageContaining("0xF1");
  }
}
