package io.rdswatch.agent.drill.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpectationTest {

  @ParameterizedTest(name = "{1} {0} is {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        ">= 1000 | 1000  | true",
        ">= 1000 | 999   | false",
        ">1000   | 1001  | true",
        "< 5     | 5     | false",
        "<= 5    | 5.0   | true",
        "= 0     | 0     | true",
        "== 0    | 1     | false",
        "!= 0    | 3     | true",
        "<> 0    | 0     | false",
        "= -1.5  | -1.50 | true",
        ">= 10   | abc   | false",
        "= 'ONLINE' | ONLINE | true",
        "= 'ONLINE' | online | false",
        "!= 'it''s' | its  | true",
        "= 'it''s'  | it's | true",
      })
  void compares(String expect, String value, boolean result) {
    assertThat(Expectation.parse(expect).test(value)).isEqualTo(result);
  }

  @Test
  void nullNeverSatisfies() {
    assertThat(Expectation.parse(">= 0").test(null)).isFalse();
    assertThat(Expectation.parse("!= 'x'").test(null)).isFalse();
  }

  @Test
  void numbersFromJdbcTypes() {
    assertThat(Expectation.parse(">= 1000").test(1000L)).isTrue();
    assertThat(Expectation.parse(">= 1000").test(new java.math.BigDecimal("999.99"))).isFalse();
  }

  @Test
  void rendersCanonically() {
    assertThat(Expectation.parse(" >=1000 ")).hasToString(">= 1000");
    assertThat(Expectation.parse("<> 'a''b'")).hasToString("!= 'a''b'");
  }

  @Test
  void rejectsWithTheExpectedShape() {
    assertThatThrownBy(() -> Expectation.parse("about 1000"))
        .hasMessageContaining("'about 1000' is not an expectation")
        .hasMessageContaining(">= 1000");
    assertThatThrownBy(() -> Expectation.parse("> 'x'"))
        .hasMessageContaining("text can only be compared with = or !=");
    assertThatThrownBy(() -> Expectation.parse(null)).hasMessageContaining("is not an expectation");
  }
}
