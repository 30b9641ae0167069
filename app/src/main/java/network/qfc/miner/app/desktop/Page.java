package network.qfc.miner.app.desktop;

import javafx.scene.Node;

/**
 * One screen of the main window. The window shows one page at a time; a page subscribes to services while shown
 * ({@link #onActivate()}) and lets go when hidden ({@link #onDeactivate()}), so hidden pages cost nothing.
 */
public interface Page {
    /** The name in the sidebar. */
    String title();

    /** The laid-out view, built once. */
    Node view();

    default void onActivate() {
    }

    default void onDeactivate() {
    }
}
