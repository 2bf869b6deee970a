package io.rdswatch.agent.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdswatch.agent.drill.run.ScratchNames;
import java.time.Instant;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ScratchNamesTest {

  private static final Instant T = Instant.parse("2026-11-29T04:00:07Z");

  @Test
  void shapeIsPrefixDbStampRandom() {
    String name = new ScratchNames("rdswatch_drill_", new Random(1)).generate("Orders", T);
    assertThat(name).matches("rdswatch_drill_Orders_20261129040007_[a-z0-9]{4}");
    assertThat(ScratchNames.isValid(name)).isTrue();
  }

  @Test
  void hostileAndNonAsciiCharactersBecomeUnderscores() {
    ScratchNames names = new ScratchNames("d_", new Random(1));
    assertThat(names.stem("o'; DROP DATABASE [x]--")).isEqualTo("d_o___DROP_DATABASE__x___");
    assertThat(names.stem("Bestellungen_ü_日本")).isEqualTo("d_Bestellungen_____");
    assertThat(names.stem("emoji😀x")).isEqualTo("d_emoji_x");
  }

  @Test
  void longNamesAreShortenedUnder128() {
    String name = new ScratchNames("rdswatch_drill_", new Random(1)).generate("x".repeat(128), T);
    assertThat(name).hasSize(127);
    assertThat(ScratchNames.isValid(name)).isTrue();
  }

  @Test
  void patternMatchesOnlyThisDatabasesScratchNames() {
    ScratchNames names = new ScratchNames("rdswatch_drill_", new Random(1));
    var p = names.patternFor("orders");
    assertThat(p.matcher(names.generate("orders", T)).matches()).isTrue();
    assertThat(p.matcher("RDSWATCH_DRILL_ORDERS_20261129040007_AB12").matches()).isTrue();
    assertThat(p.matcher(names.generate("orders_archive", T)).matches()).isFalse();
  }

  @Test
  void prefixMustBeSafe() {
    assertThatThrownBy(() -> new ScratchNames("", new Random()))
        .hasMessageContaining("must be 1-106");
    assertThatThrownBy(() -> new ScratchNames("a]b", new Random())).hasMessageContaining("'a]b'");
  }

  @Test
  void namesCompareLikeSqlServer() {
    assertThat(io.rdswatch.agent.drill.run.DbNames.same("Salés", "SALES")).isTrue();
    assertThat(io.rdswatch.agent.drill.run.DbNames.same("Sales", "Sale")).isFalse();
  }

  @Test
  void prefixChecks() {
    ScratchNames names = new ScratchNames("rdswatch_drill_", new Random(1));
    assertThat(names.hasPrefix("RDSWATCH_DRILL_x")).isFalse();
    assertThat(names.looksLikeScratch("RDSWATCH_DRILL_x")).isTrue();
    assertThat(names.looksLikeScratch("rdswatch_dril")).isFalse();
  }

  @Property(tries = 300)
  void everyGeneratedNameIsValidAndMatchesItsPattern(@ForAll String db, @ForAll long seed) {
    ScratchNames names = new ScratchNames("rdswatch_drill_", new Random(seed));
    String name = names.generate(db, T);
    assertThat(ScratchNames.isValid(name)).isTrue();
    assertThat(name).startsWith("rdswatch_drill_").hasSizeLessThan(128);
    assertThat(names.patternFor(db).matcher(name).matches()).isTrue();
  }
}
