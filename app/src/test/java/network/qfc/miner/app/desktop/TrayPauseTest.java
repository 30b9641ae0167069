package network.qfc.miner.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import network.qfc.miner.app.desktop.mining.DesktopGovernor;
import network.qfc.miner.app.desktop.mining.MiningControl;
import network.qfc.miner.app.desktop.notifications.MinerNotices;
import network.qfc.miner.app.desktop.notifications.Notice;
import network.qfc.miner.app.desktop.notifications.Notifier;
import network.qfc.miner.app.desktop.tray.TrayHost;
import network.qfc.miner.app.desktop.tray.TrayView;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.mining.MiningGate;
import network.qfc.miner.devnet.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tray's "Pause for 1 hour" ends by itself when the hour is over, and the tray says so: the real presenter,
 * governor and services, a tray host that records what it is shown, and a clock the test moves (no real hour).
 */
class TrayPauseTest {
    @TempDir
    Path home;

    /** A tray that keeps what it was shown and told. */
    private static final class RecordingTray implements TrayHost {
        final List<TrayView> shown = new CopyOnWriteArrayList<>();
        Actions actions;

        @Override
        public boolean install(TrayView initial, Actions a) {
            shown.add(initial);
            actions = a;
            return true;
        }

        @Override
        public void show(TrayView view) {
            shown.add(view);
        }

        @Override
        public void notify(String title, String message, boolean warning) {
            throw new AssertionError("notices go through MinerNotices, not the tray: " + title);
        }

        @Override
        public void remove() {
        }
    }

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T09:00:00Z").toEpochMilli());
    private final RecordingTray tray = new RecordingTray();
    /** The notices told, as the desktop's one notifier would show them. */
    private final List<String> told = new CopyOnWriteArrayList<>();
    private final MinerNotices notices = new MinerNotices();
    private MiningControl mining;
    private DesktopGovernor governor;
    private TrayPresenter presenter;

    @BeforeEach
    void start() {
        AppSettings settings = AppSettings.defaults().withFirstRunDone(true);
        mining = new MiningControl(AppDirectories.under(home), () -> settings, () -> new char[0], () -> MiningGate.OPEN);
        governor = new DesktopGovernor(mining.services().governor(), settings, clock);
        notices.use(new Notifier() {
            @Override
            public void show(Notice n) {
                told.add(n.summary() + ": " + n.body());
            }

            @Override
            public String kind() {
                return "test";
            }
        });
        presenter = TrayPresenter.manual(tray, mining, governor, new TrayPresenter.Actions(() -> { }, () -> { }), notices);
    }

    @AfterEach
    void stop() {
        presenter.close();
        notices.close();
        mining.close();
    }

    private String pauseItem() {
        return tray.shown.get(tray.shown.size() - 1).pauseLabel();
    }

    @Test
    void theOneHourPauseEndsByItselfAndTheTraySaysSo() {
        assertThat(presenter.installed()).isTrue();
        tray.actions.togglePause(); // the tray's "Pause for 1 hour"
        presenter.tick();
        assertThat(pauseItem()).isEqualTo("Resume");

        clock.advance(Duration.ofMinutes(59));
        presenter.tick();
        assertThat(pauseItem()).as("still within the hour").isEqualTo("Resume");
        assertThat(told).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        presenter.tick();
        assertThat(pauseItem()).isEqualTo("Pause for 1 hour");
        assertThat(told).singleElement().asString().startsWith("Pause over").contains("has ended");
        assertThat(governor.pausedByHand()).isFalse();

        presenter.tick();
        assertThat(told).as("said once").hasSize(1);
    }

    @Test
    void resumingByHandNeedsNoNotice() {
        tray.actions.togglePause();
        presenter.tick();
        tray.actions.togglePause(); // "Resume"
        presenter.tick();
        assertThat(pauseItem()).isEqualTo("Pause for 1 hour");
        assertThat(told).isEmpty();
    }
}
