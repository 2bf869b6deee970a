package io.rdswatch.agent.aws.discovery;

/** One discovered instance's RDS status, as rdswatch_instance_status exports it. */
public record InstanceStatus(String name, String status) {}
