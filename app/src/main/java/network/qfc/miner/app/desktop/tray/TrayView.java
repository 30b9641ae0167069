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
    /** The sizes the build ships each tray icon at ({@code icons/generate.sh}), each also as {@code @2x}. */
    static final int[] ICON_SIZES = {16, 22, 24, 32, 48};

    /** The sizes the build ships each tray icon at (each also as {@code @2x}). */
    public static int[] iconSizes() {
        return ICON_SIZES.clone();
    }

    /**
     * The class-path resource (relative to this package) of the icon for {@code state} in a tray slot of
     * {@code slotPixels}: the smallest shipped PNG at least that big (a size drawn for itself before an {@code @2x}
     * of the same pixels), else the biggest; the variant with a light glyph on a dark panel, a dark glyph on a light
     * one.
     */
    public static String iconResource(TrayState state, int slotPixels, boolean darkPanel) {
        String best = null;
        int bestPixels = 0;
        for (int scale = 1; scale <= 2; scale++) {
            for (int size : ICON_SIZES) {
                int pixels = size * scale;
                boolean fits = pixels >= slotPixels;
                boolean better = best == null
                        || (fits && (bestPixels < slotPixels || pixels < bestPixels))
                        || (!fits && bestPixels < slotPixels && pixels > bestPixels);
                if (better) {
                    best = size + (scale == 2 ? "@2x" : "");
                    bestPixels = pixels;
                }
            }
        }
        return "icons/" + state.name().toLowerCase(java.util.Locale.ROOT) + (darkPanel ? "-dark-" : "-light-") + best
                + ".png";
    }

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
