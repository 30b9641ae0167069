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
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The window's frame: a sidebar of pages, the page shown, and a header with the main control. */
public final class MainWindow {
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final ToggleGroup nav = new ToggleGroup();
    private final List<Page> pages = new ArrayList<>();
    private final VBox sidebar = new VBox(4);
    private Page shown;

    public MainWindow(Node header) {
        Label brand = new Label("QFC Desktop Miner");
        brand.setWrapText(true);
        brand.getStyleClass().addAll(Styles.TITLE_4);
        brand.setPadding(new Insets(0, 0, 12, 0));
        sidebar.getChildren().add(brand);
        sidebar.setPadding(new Insets(16));
        sidebar.setPrefWidth(200);
        sidebar.getStyleClass().add("sidebar");
        sidebar.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: -color-border-default; "
                + "-fx-border-width: 0 1 0 0;");
        content.setPadding(new Insets(16, 20, 16, 20));
        ScrollPane scroller = new ScrollPane(content);
        scroller.setFitToWidth(true);
        scroller.setFitToHeight(true);
        VBox main = new VBox(header, scroller);
        VBox.setVgrow(scroller, Priority.ALWAYS);
        root.setLeft(sidebar);
        root.setCenter(main);
        nav.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
                return;
            }
            show((Page) now.getUserData());
        });
    }

    public Region root() {
        return root;
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

    private void show(Page page) {
        if (page == shown) {
            return;
        }
        if (shown != null) {
            shown.onDeactivate();
        }
        content.getChildren().setAll(page.view());
        shown = page;
        page.onActivate();
    }
}
