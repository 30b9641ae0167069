package network.qfc.miner.app.desktop;

/**
 * How the desktop app was asked to start.
 *
 * @param devnet    mine at once against an embedded devnet with a generated dev key (the zero-configuration demo)
 * @param minimized start hidden in the tray (start at login)
 */
public record DesktopOptions(boolean devnet, boolean minimized) {
    public static final DesktopOptions DEFAULT = new DesktopOptions(false, false);
}
