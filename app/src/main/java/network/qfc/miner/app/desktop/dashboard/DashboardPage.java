package network.qfc.miner.app.desktop.dashboard;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import network.qfc.miner.app.desktop.Page;

/**
 * The dashboard: the main control and state (in the window's header), the node, this machine, live counters,
 * standing (stake, JAILED with a countdown, the last slash and what to do), a chart from the journal, and the live
 * proof feed whose rows open the proof's detail.
 */
public final class DashboardPage implements Page {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final PseudoClass GOOD = PseudoClass.getPseudoClass("good");
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");
    private static final PseudoClass GOVERNOR = PseudoClass.getPseudoClass("governor");

    private final DashboardController controller;
    private final DashboardModel model;
    private final Consumer<ProofFeedRow> openDetail;
    private final Node header;
    private final Node view;

    /** @param openDetail shows one proof's detail (hashes, epoch, bytes, the node's answer) */
    public DashboardPage(DashboardController controller, Consumer<ProofFeedRow> openDetail) {
        this.controller = controller;
        this.model = controller.model();
        this.openDetail = openDetail;
        this.header = buildHeader();
        this.view = buildView();
    }

    @Override
    public String title() {
        return "Dashboard";
    }

    @Override
    public Node view() {
        return view;
    }

    /** The strip above every page: the state and the Start/Stop control. */
    public Node header() {
        return header;
    }

    @Override
    public void onActivate() {
        controller.onActivate();
    }

    @Override
    public void onDeactivate() {
        // the header stays live: the ticker keeps running while the window is open
    }

    private Node buildHeader() {
        Label state = new Label();
        state.setId("dash-state");
        state.textProperty().bind(model.state);
        state.getStyleClass().add(Styles.TITLE_3);
        model.stateStyle.addListener((obs, old, now) -> styleState(state, now));
        styleState(state, model.stateStyle.get());
        Label reason = new Label();
        reason.setId("dash-state-reason");
        reason.textProperty().bind(model.stateReason);
        reason.getStyleClass().add(Styles.TEXT_MUTED);
        reason.setWrapText(true);
        VBox text = new VBox(2, state, reason);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button toggle = new Button();
        toggle.setId("dash-toggle");
        // Alt+S presses it (a mnemonic); Tab reaches it after the sidebar; Space and Enter press it when focused
        toggle.textProperty().bind(Bindings.when(model.mining).then("_Stop mining").otherwise("_Start mining"));
        toggle.setMnemonicParsing(true);
        toggle.setAccessibleHelp("Alt+S");
        toggle.getStyleClass().add(Styles.LARGE);
        model.mining.addListener((obs, old, on) -> {
            toggle.getStyleClass().removeAll(Styles.ACCENT, Styles.DANGER);
            toggle.getStyleClass().add(on ? Styles.DANGER : Styles.ACCENT);
        });
        toggle.getStyleClass().add(Styles.ACCENT);
        toggle.disableProperty().bind(model.busy);
        toggle.setOnAction(e -> controller.onToggleMining());
        toggle.setDefaultButton(false);
        toggle.setMinWidth(Region.USE_PREF_SIZE); // the state's reason wraps; the main control never elides
        HBox bar = new HBox(16, text, toggle);
        bar.setMinHeight(Region.USE_PREF_SIZE); // above the scrolling page: never squeezed to one line
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 20, 12, 20));
        bar.setStyle("-fx-border-color: -color-border-default; -fx-border-width: 0 0 1 0;");
        return bar;
    }

    private static void styleState(Label state, String style) {
        state.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
        switch (style) {
            case "mining" -> state.getStyleClass().add(Styles.SUCCESS);
            case "paused" -> state.getStyleClass().add(Styles.WARNING);
            case "error" -> state.getStyleClass().add(Styles.DANGER);
            default -> { }
        }
    }

    private Node buildView() {
        // node and standing first (is it working, am I safe), the machine's details after them
        Node cards = new FlowPane(16, 16,
                card("Node", row("URL", model.node, "dash-node"), row("Status", model.nodeStatus, "dash-node-status"),
                        row("Miner key", model.address, "dash-address")),
                standingCard(),
                card("This machine", row("Tier", model.tier, "dash-tier"), row("Backend", model.backend, "dash-backend"),
                        row("Fell back because", model.backendWhy, "dash-backend-why"), row("Model", model.model, "dash-model")));
        Node counters = counters();
        Node chart = new HistoryCharts(model, java.time.ZoneId.systemDefault()).build();
        Node feed = feed();
        // what a miner watches first: the counters and the live feed, then the node/machine/standing cards, then history
        Node earned = new EarningsCard(controller.earnings()).build();
        VBox box = new VBox(16, counters, feed, cards, earned, chart);
        VBox.setVgrow(feed, Priority.ALWAYS);
        return box;
    }

    private Node standingCard() {
        Label jail = new Label();
        jail.setId("dash-jail-countdown");
        jail.textProperty().bind(model.jailCountdown);
        jail.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_BOLD);
        jail.visibleProperty().bind(model.jailed);
        jail.managedProperty().bind(model.jailed);
        Label advice = new Label();
        advice.setId("dash-slash-advice");
        advice.textProperty().bind(model.slashAdvice);
        advice.setWrapText(true);
        advice.setStyle("-fx-max-width: 26em;");
        advice.getStyleClass().add(Styles.TEXT_MUTED);
        VBox card = card("Standing", row("Status", model.standing, "dash-standing"), jail,
                row("Stake", Bindings.concat(model.stake, " ", model.stakeChange), "dash-stake"),
                explained(row("Contribution", model.contribution, "dash-contribution"), ScoreWords.CONTRIBUTION_EXPLAINED),
                explained(row("Inference score", model.inferenceScore, "dash-score"), ScoreWords.INFERENCE_EXPLAINED),
                row("Earnings", model.earnings, "dash-earnings"),
                row("Last slash", model.lastSlash, "dash-last-slash"), advice);
        return card;
    }

    private Node counters() {
        Label session = new Label("This session");
        session.getStyleClass().add(Styles.TEXT_BOLD);
        Node tasks = counter("Tasks", model.tasks, "dash-tasks");
        javafx.scene.control.Tooltip.install(tasks, new javafx.scene.control.Tooltip("Tasks the node handed out this "
                + "session: accepted + rejected + dropped (expired or not run) + still in flight"));
        FlowPane strip = new FlowPane(24, 12,
                tasks, counter("Accepted", model.accepted, "dash-accepted"),
                counter("Spot-checked", model.spotChecked, "dash-spot-checked"),
                counter("Rejected", model.rejected, "dash-rejected"), counter("Pass rate", model.passRate, "dash-pass-rate"),
                counter("Proofs / min", model.perMinute, "dash-per-minute"),
                counter("Last inference", model.lastInference, "dash-last-inference"));
        Label totals = new Label();
        totals.setId("dash-totals");
        totals.setWrapText(true);
        totals.textProperty().bind(model.totals);
        totals.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(6, session, strip, totals);
    }

    private Node feed() {
        Label title = new Label("Proofs (double-click or Enter for detail)");
        title.getStyleClass().add(Styles.TITLE_4);
        Label text = new Label(); // never shown: its font is the feed's, for column widths in em
        TableView<ProofFeedRow> table = new TableView<>(model.feed);
        table.setId("dash-feed");
        table.setAccessibleText("Proofs and pauses, newest first");
        table.setPlaceholder(new Label("No proofs yet. Start mining to see them here."));
        table.getStylesheets().add(DashboardPage.class.getResource("feed.css").toExternalForm());
        table.getColumns().add(column("Time", r -> TIME.format(r.at()), 6.5, text));
        table.getColumns().add(column("Task", r -> DashboardFormat.shortId(r.taskId()), 8, text));
        table.getColumns().add(column("Model", ProofFeedRow::model, 14, text));
        table.getColumns().add(column("ms", r -> r.ms() >= 0 ? Long.toString(r.ms()) : "", 4, text));
        table.getColumns().add(column("Outcome", ProofFeedRow::outcome, 14, text));
        table.getColumns().add(fillingColumn(table, "Node says", ProofFeedRow::message, 30, text));
        table.setRowFactory(t -> {
            TableRow<ProofFeedRow> row = new TableRow<>() {
                @Override
                protected void updateItem(ProofFeedRow item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(GOOD, !empty && item != null && item.good());
                    pseudoClassStateChanged(BAD, !empty && item != null && !item.good() && item.isProof());
                    pseudoClassStateChanged(GOVERNOR, !empty && item != null && !item.isProof());
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && row.getItem().isProof()) {
                    openDetail.accept(row.getItem());
                }
            });
            return row;
        });
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            ProofFeedRow selected = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null && selected.isProof()) {
                openDetail.accept(selected);
                e.consume();
            }
        });
        // Tab into the feed lands on its newest row, so Enter opens something at once
        table.focusedProperty().addListener((obs, was, now) -> {
            if (now && table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                table.getSelectionModel().select(0);
                table.getFocusModel().focus(0);
            }
        });
        table.setStyle("-fx-pref-height: 15em;");
        table.getStyleClass().add(Styles.DENSE);
        text.setManaged(false);
        text.setVisible(false);
        VBox box = new VBox(8, title, table, text);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    /**
     * The last column: it takes the width the columns already in {@code table} leave (so a wide window shows the whole
     * message without a horizontal scroll bar), never less than {@code ems} (a narrow window or large text scrolls).
     */
    private static TableColumn<ProofFeedRow, String> fillingColumn(TableView<ProofFeedRow> table, String name,
            java.util.function.Function<ProofFeedRow, String> value, double ems, Label text) {
        List<TableColumn<ProofFeedRow, ?>> others = List.copyOf(table.getColumns());
        List<javafx.beans.Observable> deps = new java.util.ArrayList<>(List.of(table.widthProperty(), text.fontProperty()));
        others.forEach(c -> deps.add(c.widthProperty()));
        TableColumn<ProofFeedRow, String> c = column(name, value, ems, text);
        c.prefWidthProperty().unbind();
        c.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(ems * text.getFont().getSize(),
                // room for the vertical scroll bar and the table's borders
                table.getWidth() - others.stream().mapToDouble(TableColumn::getWidth).sum() - 24),
                deps.toArray(javafx.beans.Observable[]::new)));
        return c;
    }

    /** A column {@code ems} wide in the font of {@code text}: it widens with the system's font size. */
    private static TableColumn<ProofFeedRow, String> column(String name, java.util.function.Function<ProofFeedRow, String> value,
            double ems, Label text) {
        TableColumn<ProofFeedRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> ems * text.getFont().getSize(), text.fontProperty()));
        c.setSortable(false);
        return c;
    }

    private static VBox card(String title, Node... rows) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TITLE_4);
        VBox card = new VBox(6, t);
        card.getChildren().addAll(rows);
        card.setPadding(new Insets(12));
        card.setStyle("-fx-min-width: 22em; -fx-background-color: -color-bg-default; -fx-border-color: -color-border-default; "
                + "-fx-border-radius: 6; -fx-background-radius: 6;");
        return card;
    }

    private static Node row(String key, javafx.beans.value.ObservableValue<String> value, String id) {
        Label k = new Label(key);
        k.getStyleClass().add(Styles.TEXT_MUTED);
        k.setStyle("-fx-min-width: 8em;");
        Label v = new Label();
        v.setId(id);
        v.textProperty().bind(value);
        v.setWrapText(true);
        v.setStyle("-fx-max-width: 18em;");
        HBox h = new HBox(8, k, v);
        return h;
    }

    /** A standing row whose meaning the node defines: explained on hover, and to a screen reader as its help. */
    private static Node explained(Node row, String text) {
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip(text);
        tip.setWrapText(true);
        tip.setStyle("-fx-max-width: 30em;");
        Tooltip.install(row, tip);
        ((HBox) row).getChildren().forEach(n -> n.setAccessibleHelp(text));
        return row;
    }

    private static Node counter(String name, StringProperty value, String id) {
        Label v = new Label();
        v.setId(id);
        v.textProperty().bind(value);
        v.getStyleClass().add(Styles.TITLE_2);
        Label n = new Label(name);
        n.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(0, v, n);
    }

}
