/**
 * Polite background mining: the resource governor.
 *
 * <ul>
 *   <li>{@link network.qfc.miner.core.governor.GovernorPolicy} the user's rules (CPU cap, yield to the user,
 *   idle-only minutes, battery, heat, {@link network.qfc.miner.core.governor.MiningSchedule mining hours},
 *   {@link network.qfc.miner.core.governor.ManualPause manual pause});</li>
 *   <li>{@link network.qfc.miner.core.governor.GovernorReadings} what the machine says now (unknown stays unknown);</li>
 *   <li>{@link network.qfc.miner.core.governor.Governor} the pure decision: run, throttle (threads plus a pause
 *   between tasks, {@link network.qfc.miner.core.governor.DutyCycle}) or pause, always with a human reason;</li>
 *   <li>{@link network.qfc.miner.core.governor.GovernorService} runs it every 2 s on thread {@code qfc-governor},
 *   fed by a {@link network.qfc.miner.core.governor.ReadingsSource} (the probe's live sampler plus an
 *   {@link network.qfc.miner.core.governor.IdleTimeSource}), and tells listeners when the decision changes.</li>
 * </ul>
 * No JavaFX, no AWT: the app, the tray and the headless command all read the same decisions.
 */
package network.qfc.miner.core.governor;
