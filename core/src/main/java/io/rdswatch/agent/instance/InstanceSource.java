package io.rdswatch.agent.instance;

import java.util.List;

/**
 * Supplies the current set of targets. The poller asks on every refresh; a source may change its
 * answer over time (discovery), and the poller starts/stops instances to match.
 */
public interface InstanceSource {

  List<InstanceTarget> targets();
}
