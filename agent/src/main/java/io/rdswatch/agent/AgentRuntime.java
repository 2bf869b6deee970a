package io.rdswatch.agent;

import io.prometheus.client.CollectorRegistry;
import io.rdswatch.agent.poll.FleetState;
import io.rdswatch.agent.poll.Poller;

/**
 * The live parts of a running agent, for commands that run it in-process (demo) and for tests.
 *
 * @param fleet what is being polled, and the snapshot the collectors and API read
 * @param poller drives the polls; {@link Poller#pollOnce()} runs a cycle on demand
 * @param registry the registry behind /metrics
 */
public record AgentRuntime(FleetState fleet, Poller poller, CollectorRegistry registry) {}
