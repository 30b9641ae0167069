package network.qfc.miner.app.desktop.tray;

/**
 * The facts the tray shows, taken from the miner's snapshot.
 *
 * @param miningOn     the user switched mining on
 * @param pausedReason why the governor or the user paused it (null when not paused)
 * @param jailed       the node jailed this validator
 * @param jailRelease  readable time left in jail (null when not jailed or unknown)
 * @param error        a problem that stops mining (node unreachable, key locked, ...), null when none
 * @param proofsToday  proofs the node accepted today
 */
public record TrayInput(boolean miningOn, String pausedReason, boolean jailed, String jailRelease, String error,
        long proofsToday) {
}
