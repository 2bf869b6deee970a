package io.rdswatch.exporter.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

class DatumBatcherPropertyTest {

  private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

  @Provide
  Arbitrary<List<MetricDatum>> datums() {
    Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(120);
    Arbitrary<List<Dimension>> dims =
        Combinators.combine(text, text)
            .as((n, v) -> Dimension.builder().name(n).value(v).build())
            .list()
            .ofMaxSize(4);
    Arbitrary<MetricDatum> datum =
        Combinators.combine(text, dims, Arbitraries.doubles().between(-1e9, 1e9))
            .as(
                (name, d, value) ->
                    MetricDatum.builder()
                        .metricName(name)
                        .dimensions(d)
                        .value(value)
                        .unit(StandardUnit.COUNT)
                        .timestamp(NOW)
                        .build());
    return datum.list().ofMaxSize(300);
  }

  /**
   * Tiny limits, so both the count and the byte limit bind within a few hundred datums. 12,000
   * bytes fits the largest generated datum (4 dimensions of 120 worst-case characters).
   */
  @Property(tries = 300)
  void everyDatumOnceInOrderWithinBothLimitsInTheFewestBatches(
      @ForAll("datums") List<MetricDatum> datums,
      @ForAll @IntRange(min = 1, max = 40) int maxDatums,
      @ForAll @IntRange(min = 12_000, max = 40_000) int maxBytes) {
    DatumBatcher batcher = new DatumBatcher(maxDatums, maxBytes);
    List<List<MetricDatum>> batches = batcher.batches(datums);

    List<MetricDatum> flattened = new ArrayList<>();
    batches.forEach(flattened::addAll);
    assertThat(flattened).containsExactlyElementsOf(datums);

    for (List<MetricDatum> batch : batches) {
      assertThat(batch).isNotEmpty().hasSizeLessThanOrEqualTo(maxDatums);
      assertThat(bytes(batch)).isLessThanOrEqualTo(batcher.maxDatumBytes());
    }
    // greedy is optimal for in-order splitting: each batch but the last could not take the next one
    int next = 0;
    for (int i = 0; i < batches.size() - 1; i++) {
      List<MetricDatum> batch = batches.get(i);
      next += batch.size();
      MetricDatum following = datums.get(next);
      boolean countFull = batch.size() == maxDatums;
      boolean bytesFull = bytes(batch) + DatumSize.estimate(following) > batcher.maxDatumBytes();
      assertThat(countFull || bytesFull).as("batch %d is full", i).isTrue();
    }
    if (datums.stream().mapToLong(DatumSize::estimate).sum() <= batcher.maxDatumBytes()) {
      assertThat(batches).hasSize((datums.size() + maxDatums - 1) / maxDatums);
    }
  }

  /** With real limits and small datums only the count binds: ceil(n / 1000) requests. */
  @Property(tries = 25)
  void realLimitsGiveTheMinimalNumberOfRequests(@ForAll @IntRange(min = 0, max = 5_000) int n) {
    List<MetricDatum> datums = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      datums.add(
          MetricDatum.builder()
              .metricName("TaskProgress")
              .dimensions(
                  Dimension.builder()
                      .name("DBInstanceIdentifier")
                      .value("orders-prod-" + i)
                      .build(),
                  Dimension.builder().name("DatabaseName").value("db" + i).build(),
                  Dimension.builder().name("TaskType").value("BACKUP_DB").build())
              .value(42.0)
              .unit(StandardUnit.PERCENT)
              .timestamp(NOW)
              .build());
    }
    List<List<MetricDatum>> batches = new DatumBatcher().batches(datums);
    assertThat(batches).hasSize((n + 999) / 1000);
    assertThat(batches)
        .allSatisfy(b -> assertThat(bytes(b) + DatumSize.REQUEST_OVERHEAD).isLessThan(1_000_000));
  }

  @Test
  void twoThousandFiveHundredDatumsMakeThreeRequests() {
    List<MetricDatum> datums = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      datums.add(
          MetricDatum.builder()
              .metricName("InstanceUp")
              .value(1.0)
              .unit(StandardUnit.NONE)
              .build());
    }
    assertThat(new DatumBatcher().batches(datums))
        .extracting(List::size)
        .containsExactly(1000, 1000, 500);
  }

  @Test
  void bigDatumsAreSplitByBytesBeforeTheCountLimit() {
    String big = "x".repeat(1000);
    List<Dimension> dims = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      dims.add(Dimension.builder().name("D" + i).value(big).build());
    }
    MetricDatum datum =
        MetricDatum.builder().metricName("ActiveTasks").dimensions(dims).value(1.0).build();
    List<List<MetricDatum>> batches =
        new DatumBatcher().batches(java.util.Collections.nCopies(100, datum));
    assertThat(batches).hasSizeGreaterThan(1);
    assertThat(batches)
        .allSatisfy(
            b -> assertThat(bytes(b)).isLessThanOrEqualTo(1_000_000 - DatumSize.REQUEST_OVERHEAD));
  }

  @Test
  void aDatumTooBigForAnyRequestIsNamed() {
    MetricDatum huge =
        MetricDatum.builder()
            .metricName("ActiveTasks")
            .dimensions(Dimension.builder().name("D").value("é".repeat(2000)).build())
            .build();
    assertThatThrownBy(() -> new DatumBatcher(10, 5_000).batches(List.of(huge)))
        .hasMessageContaining("datum ActiveTasks is estimated at");
  }

  @Test
  void estimateCoversTheWorstCaseEscaping() {
    assertThat(DatumSize.encoded("abc-_.~")).isEqualTo(7);
    assertThat(DatumSize.encoded("a b")).isEqualTo(5);
    assertThat(DatumSize.encoded("\n")).isEqualTo(6);
    assertThat(DatumSize.encoded("é")).isEqualTo(6);
    assertThat(DatumSize.encoded("€")).isEqualTo(9);
    assertThat(DatumSize.encoded("😀")).isEqualTo(12);
  }

  private static long bytes(List<MetricDatum> batch) {
    return batch.stream().mapToLong(DatumSize::estimate).sum();
  }
}
