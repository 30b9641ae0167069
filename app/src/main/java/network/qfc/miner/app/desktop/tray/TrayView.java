package network.qfc.miner.app.desktop.tray;

/**
 * What the tray shows: the icon's state, its tooltip, and the menu's labels and switches.
 *
 * @param state          the icon
 * @param tooltip        one or two short lines
 * @param toggleLabel    "Start mining" or "Stop mining"
 * @param pauseLabel     "Pause for 1 hour" or "Resume"
 * @param pauseEnabled   pausing only makes sense while mining is on
 */
public record TrayView(TrayState state, String tooltip, String toggleLabel, String pauseLabel, boolean pauseEnabled) {

    /** The tray's whole state logic: facts in, what to show out. */
    public static TrayView of(TrayInput in) {
        TrayState state;
        String line;
        if (in.jailed()) {
            state = TrayState.ERROR;
            line = "JAILED" + (in.jailRelease() != null ? ": released in " + in.jailRelease() : "");
        } else if (in.error() != null) {
            state = TrayState.ERROR;
            line = in.error();
        } else if (!in.miningOn()) {
            state = TrayState.IDLE;
            line = TrayState.IDLE.label();
        } else if (in.pausedReason() != null) {
            state = TrayState.PAUSED;
            line = "Paused: " + in.pausedReason();
        } else {
            state = TrayState.MINING;
            line = TrayState.MINING.label();
        }
        String tooltip = "QFC Desktop Miner - " + line + "\n" + in.proofsToday()
                + (in.proofsToday() == 1 ? " proof" : " proofs") + " accepted today";
        boolean paused = in.pausedReason() != null;
        return new TrayView(state, tooltip, in.miningOn() ? "Stop mining" : "Start mining",
                paused ? "Resume" : "Pause for 1 hour", in.miningOn());
    }
}
