package network.qfc.miner.app.desktop.notifications;

/**
 * One desktop notification.
 *
 * @param summary one short line ("Miner jailed")
 * @param body    what happened and what to do, in plain words
 * @param warning true for what needs the user (a jail, a slash, a lost node, a password): critical urgency
 */
public record Notice(String summary, String body, boolean warning) {
}
