package network.qfc.miner.app.desktop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import network.qfc.miner.app.MallocArenaCap;
import network.qfc.miner.app.desktop.dashboard.DashboardController;
import network.qfc.miner.app.desktop.dashboard.DashboardPage;
import network.qfc.miner.app.desktop.mining.MiningControl;
import network.qfc.miner.app.settings.AppSettings;
import network.qfc.miner.core.AppDirectories;
import network.qfc.miner.core.keys.PasswordSource;
import network.qfc.miner.core.mining.MiningGate;

/**
 * Not a test: a benchmark harness for the desktop footprint against a node in ANOTHER process (as a real node is):
 * the real window (the dashboard page in the main window), {@link MiningControl} mining with an encrypted key file
 * whose password comes from an owner-only file, for N seconds; then prints the process's peak RSS and exits.
 * Used by {@code scripts/gui-footprint-remote.sh}. Args: RPC_URL KEYSTORE PASSWORD_FILE SECONDS.
 */
public final class FootprintHarness {
    private static String[] args;

    private FootprintHarness() {
    }

    public static void main(String[] a) {
        MallocArenaCap.apply(MallocArenaCap.ARENAS); // as Main does
        args = a;
        Application.launch(Window.class);
    }

    /** The window (a class of its own: JavaFX on the class path will not start a main class that is an Application). */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            String url = args[0];
            Path keystore = Path.of(args[1]);
            Path passwordFile = Path.of(args[2]);
            long seconds = Long.parseLong(args[3]);
            AppSettings settings = AppSettings.defaults().withNetwork(AppSettings.Network.CUSTOM, url)
                    .withKeystore(keystore.toString(), false).withMining("inference", "cpu", "");
            MiningControl mining = new MiningControl(AppDirectories.forThisProcess(), () -> settings,
                    PasswordSource.file(passwordFile), () -> MiningGate.OPEN);
            DashboardController controller = new DashboardController(mining, Executors.newFixedThreadPool(2),
                    Clock.systemUTC());
            DashboardPage page = new DashboardPage(controller, row -> { });
            MainWindow window = new MainWindow(page.header());
            window.addPage(page);
            Scene scene = new Scene(window.root(), 1180, 820);
            Theme.apply(AppSettings.ThemeChoice.LIGHT, scene);
            stage.setScene(scene);
            stage.show();
            controller.onToggleMining();
            Thread timer = new Thread(() -> {
                try {
                    Thread.sleep(seconds * 1000);
                    String status = Files.readString(Path.of("/proc/self/status"));
                    status.lines().filter(l -> l.startsWith("VmHWM") || l.startsWith("VmRSS")).forEach(System.out::println);
                    long accepted = mining.current().map(r -> r.snapshot().counters().accepted()).orElse(0L);
                    double cpuS = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(0.0);
                    // proofs per CPU second: comparable between runs whatever else the machine is doing
                    System.out.printf(java.util.Locale.ROOT, "proofs/s: %.1f; CPU: %.1f s; proofs per CPU second: %.1f%n",
                            accepted / (double) seconds, cpuS, accepted / cpuS);
                    System.out.println("accepted: " + accepted
                            + "; state: " + mining.current().map(r -> r.snapshot().state() + " (" + r.snapshot().stateReason()
                            + ")").orElse("no miner"));
                } catch (Exception e) {
                    e.printStackTrace();
                }
                mining.close();
                Platform.exit();
                System.exit(0);
            }, "footprint-timer");
            timer.setDaemon(true);
            timer.start();
        }
    }
}
