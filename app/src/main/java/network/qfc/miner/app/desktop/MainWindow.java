package network.qfc.miner.app.desktop;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The window's frame: a sidebar of pages, the page shown, and a header with the main control. The keyboard reaches
 * everything: Tab goes sidebar, header, page; Ctrl+1..9 (Cmd on macOS) shows the n-th page; Up/Down on the sidebar
 * moves between pages.
 * The page shown is
 * active only while the window is on screen: hidden to the tray or minimised, it lets go of its refreshers (see
 * {@link #follow(Stage)}).
 */
public final class MainWindow {
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final ToggleGroup nav = new ToggleGroup();
    private final List<Page> pages = new ArrayList<>();
    private final VBox sidebar = new VBox(4);
    private final List<KeyCombination> shortcuts = new ArrayList<>();
    private Page shown;
    private boolean onScreen = true;
    private final List<Runnable> back = new ArrayList<>();
    private final List<Runnable> away = new ArrayList<>();
    private final Label problem = new Label();
    private final javafx.scene.layout.HBox problemBar;

    public MainWindow(Node header) {
        Label brand = new Label("QFC Desktop Miner");
        brand.setWrapText(true);
        brand.getStyleClass().addAll(Styles.TITLE_4);
        brand.setPadding(new Insets(0, 0, 12, 0));
        sidebar.getChildren().add(brand);
        sidebar.setPadding(new Insets(16));
        sidebar.getStyleClass().add("sidebar");
        // widths in em follow the system's font size (large text, 200 %), pixels would not
        sidebar.setStyle("-fx-pref-width: 14em; -fx-background-color: -color-bg-subtle; "
                + "-fx-border-color: -color-border-default; -fx-border-width: 0 1 0 0;");
        content.setPadding(new Insets(16, 20, 16, 20));
        // a page taller than the window scrolls; it is never squeezed (squeezed labels elide or lose lines)
        content.setMinHeight(Region.USE_PREF_SIZE);
        ScrollPane scroller = new ScrollPane(content);
        scroller.setFitToWidth(true);
        scroller.setFitToHeight(true);
        // a failure in the background is said here, without blocking anything; the Logs page has the detail
        problem.setId("main-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.control.Button dismiss = new javafx.scene.control.Button("Dismiss");
        dismiss.setId("main-problem-dismiss");
        dismiss.getStyleClass().add(Styles.FLAT);
        javafx.scene.layout.HBox.setHgrow(problem, Priority.ALWAYS);
        problemBar = new javafx.scene.layout.HBox(12, problem, dismiss);
        problemBar.setPadding(new Insets(8, 20, 8, 20));
        problemBar.setStyle("-fx-background-color: -color-danger-subtle; -fx-border-color: -color-danger-muted;"
                + " -fx-border-width: 0 0 1 0;");
        problemBar.setVisible(false);
        problemBar.setManaged(false);
        dismiss.setOnAction(e -> {
            problemBar.setVisible(false);
            problemBar.setManaged(false);
        });
        VBox main = new VBox(header, problemBar, scroller);
        VBox.setVgrow(scroller, Priority.ALWAYS);
        root.setLeft(sidebar);
        root.setCenter(main);
        sidebar.addEventFilter(KeyEvent.KEY_PRESSED, this::onSidebarKey);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                shortcuts.forEach(old.getAccelerators()::remove);
            }
            if (scene != null) {
                installShortcuts(scene);
            }
        });
        nav.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
                return;
            }
            show((Page) now.getUserData());
        });
    }

    /** Says a problem in a bar above the page (on the FX thread); the newest replaces the one before. */
    public void showProblem(String text) {
        problem.setText(text);
        problemBar.setVisible(true);
        problemBar.setManaged(true);
    }

    /** The problem shown now, or null. */
    public String problemShown() {
        return problemBar.isVisible() ? problem.getText() : null;
    }

    public Region root() {
        return root;
    }

    /** A quiet line at the foot of the sidebar (the update notice); call on the FX thread. */
    public void showNotice(String text) {
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Label notice = new Label(text);
        notice.setId("update-notice");
        notice.setWrapText(true);
        notice.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        sidebar.getChildren().addAll(spacer, notice);
    }

    /** Adds a page to the sidebar; the first one added is shown first. */
    public void addPage(Page page) {
        ToggleButton button = new ToggleButton(page.title());
        button.setUserData(page);
        button.setToggleGroup(nav);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setMnemonicParsing(false);
        button.getStyleClass().add(Styles.FLAT);
        button.setId("nav-" + page.title().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        sidebar.getChildren().add(button);
        pages.add(page);
        if (pages.size() <= 9) {
            KeyCombination key = shortcut(pages.size());
            button.setTooltip(new Tooltip(page.title() + " (" + key.getDisplayText() + ")"));
            button.setAccessibleHelp("Shortcut " + key.getDisplayText());
            if (root.getScene() != null) {
                installShortcuts(root.getScene());
            }
        }
        if (pages.size() == 1) {
            button.setSelected(true);
        }
    }

    /** Shows the page with this title. */
    public void select(String title) {
        nav.getToggles().stream().filter(t -> ((Page) t.getUserData()).title().equals(title)).findFirst()
                .ifPresent(t -> t.setSelected(true));
    }

    public Page shown() {
        return shown;
    }

    /** The key that shows the {@code n}-th page (from 1): Ctrl+n, Cmd+n on macOS. */
    public static KeyCombination shortcut(int n) {
        return new KeyCodeCombination(KeyCode.valueOf("DIGIT" + n), KeyCombination.SHORTCUT_DOWN);
    }

    private void installShortcuts(javafx.scene.Scene scene) {
        for (int i = 0; i < Math.min(9, nav.getToggles().size()); i++) {
            ToggleButton button = (ToggleButton) nav.getToggles().get(i);
            KeyCombination key = shortcut(i + 1);
            if (!shortcuts.contains(key)) {
                shortcuts.add(key);
            }
            scene.getAccelerators().put(key, () -> button.setSelected(true));
        }
    }

    /** Up/Down on a sidebar button shows the page above/below and moves the focus with it. */
    private void onSidebarKey(KeyEvent e) {
        if (e.getCode() != KeyCode.UP && e.getCode() != KeyCode.DOWN) {
            return;
        }
        int at = nav.getToggles().indexOf(nav.getSelectedToggle());
        int to = e.getCode() == KeyCode.UP ? at - 1 : at + 1;
        if (at >= 0 && to >= 0 && to < nav.getToggles().size()) {
            ToggleButton next = (ToggleButton) nav.getToggles().get(to);
            next.setSelected(true);
            next.requestFocus();
        }
        e.consume();
    }

    /**
     * Keeps the shown page active only while {@code stage} is showing and not minimised, so a window hidden in the
     * tray costs no UI refreshes (issue 7: under 1% CPU in the tray); the page is active again when it comes back.
     */
    public void follow(Stage stage) {
        setOnScreen(stage.isShowing() && !stage.isIconified());
        stage.showingProperty().addListener((obs, old, now) -> setOnScreen(now && !stage.isIconified()));
        stage.iconifiedProperty().addListener((obs, old, now) -> setOnScreen(stage.isShowing() && !now));
    }

    /**
     * For parts shown on every page (the header's state and main control): {@code whenBack} runs when the window
     * comes back on screen, {@code whenAway} when it goes to the tray or is minimised.
     */
    public void whileOnScreen(Runnable whenBack, Runnable whenAway) {
        back.add(whenBack);
        away.add(whenAway);
    }

    /** Whether the window is on screen (showing, not minimised): only then is the shown page active. */
    public boolean onScreen() {
        return onScreen;
    }

    void setOnScreen(boolean now) {
        if (now == onScreen) {
            return;
        }
        onScreen = now;
        if (shown != null) {
            if (now) {
                shown.onActivate();
            } else {
                shown.onDeactivate();
            }
        }
        (now ? back : away).forEach(Runnable::run);
    }

    private void show(Page page) {
        if (page == shown) {
            return;
        }
        if (shown != null && onScreen) {
            shown.onDeactivate();
        }
        content.getChildren().setAll(page.view());
        shown = page;
        if (onScreen) {
            page.onActivate();
        }
    }
}
