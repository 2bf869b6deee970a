package io.rdswatch.simulator.engine;

/** One element of a reply, in the order the client must see it. */
public sealed interface ReplyItem permits ResultSetData, SqlMessage, RowCount {}
