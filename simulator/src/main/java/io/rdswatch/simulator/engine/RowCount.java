package io.rdswatch.simulator.engine;

/** A statement that affected rows but returned none (DONE with the count bit). */
public record RowCount(long count) implements ReplyItem {}
