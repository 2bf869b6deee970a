package io.rdswatch.simulator.engine;

/**
 * Column types the simulator can send. Each maps to one TDS TYPE_INFO. Java value types: INT
 * Integer, BIGINT Long, BIT Boolean, FLOAT Double, DECIMAL BigDecimal (scale 2), NVARCHAR String
 * (up to 4000 chars), NVARCHAR_MAX String (PLP, any length), DATETIME LocalDateTime, DATETIMEOFFSET
 * OffsetDateTime. Any value may be null.
 */
public enum SqlType {
  INT,
  BIGINT,
  BIT,
  FLOAT,
  DECIMAL,
  NVARCHAR,
  NVARCHAR_MAX,
  DATETIME,
  DATETIMEOFFSET
}
