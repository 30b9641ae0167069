package network.qfc.miner.app.desktop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import network.qfc.miner.app.desktop.MainWindow;
import network.qfc.miner.app.desktop.Page;
import network.qfc.miner.app.desktop.mining.MiningControl;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.mining.MiningGate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 7, "minimised to the tray: under 1% CPU": the main window in a real (Monocle) stage, as the desktop app wires
 * it. The dashboard's once-a-second refresh runs only while the window is on screen: it stops when the window is
 * hidden (closed to the tray) or minimised and starts again when it is back; the page shown follows the same rule.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardOffScreenTest {
    @TempDir
    static Path home;

    private final ExecutorService background = Executors.newFixedThreadPool(2);
    private RecordingPage other;
    private MiningControl mining;
    private DashboardController controller;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        other = new RecordingPage();
        AppSettings settings = AppSettings.defaults().withNetwork(AppSettings.Network.DEVNET, "");
        mining = new MiningControl(AppDirectories.under(home), () -> settings, () -> {
            throw new AssertionError("the devnet needs no password");
        }, () -> MiningGate.OPEN);
        controller = new DashboardController(mining, background, Clock.systemUTC());
        DashboardPage page = new DashboardPage(controller, row -> { });
        window = new MainWindow(page.header());
        window.addPage(page);
        window.addPage(other);
        window.whileOnScreen(controller::onActivate, controller::onDeactivate);
        stage.setScene(new Scene(window.root(), 1000, 700));
        window.follow(stage); // as DesktopApp does, before the window is first shown
    }

    @AfterEach
    void stop() throws Exception {
        fx(() -> {
            stage.hide();
            return null;
        });
        mining.close();
        background.shutdownNow();
    }

    @Test
    void theDashboardRefreshesOnlyWhileTheWindowIsOnScreen() throws Exception {
        assertThat(fx(controller::refreshing)).as("not shown yet").isFalse();
        assertThat(fx(window::onScreen)).isFalse();

        assertThat(fx(() -> show(true))).as("shown").isTrue();
        assertThat(fx(() -> show(false))).as("hidden to the tray").isFalse();
        assertThat(fx(() -> show(true))).as("opened again from the tray").isTrue();

        assertThat(fx(() -> {
            stage.setIconified(true);
            return controller.refreshing();
        })).as("minimised").isFalse();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> {
            stage.setIconified(false);
            return controller.refreshing();
        }));
        assertThat(fx(window::onScreen)).isTrue();
    }

    @Test
    void thePageShownIsActiveOnlyWhileTheWindowIsOnScreen() throws Exception {
        fx(() -> show(true));
        fx(() -> {
            window.select(RecordingPage.TITLE);
            return null;
        });
        assertThat(other.events).containsExactly("activate");
        assertThat(fx(controller::refreshing)).as("the header stays live on every page").isTrue();

        fx(() -> show(false));
        assertThat(other.events).containsExactly("activate", "deactivate");
        fx(() -> show(true));
        assertThat(other.events).containsExactly("activate", "deactivate", "activate");
    }

    /** Shows or hides the window; returns whether the dashboard then refreshes. */
    private boolean show(boolean on) {
        if (on) {
            stage.show();
        } else {
            stage.hide();
        }
        return controller.refreshing();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    /** A page that records when the window activates and deactivates it. */
    private static final class RecordingPage implements Page {
        static final String TITLE = "Recording";
        final List<String> events = new ArrayList<>();
        private final Label view = new Label("a page");

        @Override
        public String title() {
            return TITLE;
        }

        @Override
        public Node view() {
            return view;
        }

        @Override
        public void onActivate() {
            events.add("activate");
        }

        @Override
        public void onDeactivate() {
            events.add("deactivate");
        }
    }
}
