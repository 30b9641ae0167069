package network.qfc.miner.app.desktop.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import network.qfc.miner.models.ModelCache;
import network.qfc.miner.models.ModelDownloader;
import network.qfc.miner.models.ModelRegistry;
import network.qfc.miner.models.OfflineSeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Models page downloading a model from a hub on loopback, in a real window: progress, then installed. */
@ExtendWith(ApplicationExtension.class)
class ModelsPageTest {
    private static final String REPO = "/sentence-transformers/all-MiniLM-L12-v2/resolve/main/";

    @TempDir
    static Path cacheRoot;

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicBoolean sawProgressBar = new AtomicBoolean();
    private HttpServer hub;
    private ModelCache cache;
    private ExecutorService background;

    @Start
    void start(Stage stage) throws Exception {
        Random random = new Random(7);
        byte[] onnx = new byte[3_000_000];
        random.nextBytes(onnx);
        files.put(REPO + "onnx/model.onnx", onnx);
        files.put(REPO + "config.json", "{\"hidden_size\":384}".getBytes(StandardCharsets.UTF_8));
        files.put(REPO + "tokenizer.json", "{\"version\":\"1.0\"}".getBytes(StandardCharsets.UTF_8));
        hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        hub.createContext("/", ex -> {
            byte[] body = files.get(ex.getRequestURI().getPath());
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            ex.getResponseHeaders().add("X-Linked-Etag", "\"" + sha256(body) + "\"");
            ex.getResponseHeaders().add("X-Linked-Size", Integer.toString(body.length));
            if ("HEAD".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(200, -1);
                ex.close();
                return;
            }
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                for (int off = 0; off < body.length; off += 64 * 1024) {
                    out.write(body, off, Math.min(64 * 1024, body.length - off));
                    out.flush();
                    sleep(15); // a slow line, so progress is visible
                }
            }
        });
        hub.start();
        String endpoint = "http://127.0.0.1:" + hub.getAddress().getPort();
        ModelDownloader downloader = new ModelDownloader(ModelDownloader.Settings.defaults().withEndpoint(endpoint)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)).withRetries(1, Duration.ofMillis(100)));
        cache = new ModelCache(cacheRoot, ModelRegistry.bundled(), downloader, OfflineSeed.fromClassPath());
        background = Executors.newSingleThreadExecutor();
        ModelsController controller = new ModelsController(cache, background,
                m -> m.ref().name().equals("qfc-classify-small") ? "needs tier Warm, this machine is Cold" : null);
        controller.onInstalled(ref -> downloaded.add(ref.toString()));
        ModelsPage page = new ModelsPage(controller);
        Scene scene = new Scene(new javafx.scene.layout.StackPane(page.view()), 1000, 700);
        network.qfc.miner.app.desktop.Theme.apply(network.qfc.miner.app.settings.AppSettings.ThemeChoice.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
        page.onActivate();
    }

    private final java.util.List<String> downloaded = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        cache.close();
        background.shutdownNow();
        hub.stop(0);
    }

    @Test
    void aDownloadShowsProgressAndEndsInstalled(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Not downloaded".equals(text(robot, "#model-state-qfc-embed-medium")));
        assertThat(text(robot, "#model-detail-qfc-classify-small")).isEqualTo("needs tier Warm, this machine is Cold");

        robot.clickOn("#model-download-qfc-embed-medium");
        waitFor(20, () -> {
            ProgressBar bar = robot.lookup("#model-progress-qfc-embed-medium").queryAs(ProgressBar.class);
            if (bar.isVisible() && bar.getProgress() > 0 && bar.getProgress() < 1) {
                sawProgressBar.set(true);
            }
            return "Installed".equals(text(robot, "#model-state-qfc-embed-medium"));
        }, () -> text(robot, "#model-state-qfc-embed-medium") + ": " + text(robot, "#model-detail-qfc-embed-medium"));
        assertThat(sawProgressBar).as("a progress bar between 0 and 100%% was shown").isTrue();
        assertThat(downloaded).as("the finished download is told once (a desktop notification)")
                .containsExactly("qfc-embed-medium@v1.0");
        assertThat(Files.size(cacheRoot.resolve("qfc-embed-medium/v1.0/model.onnx"))).isEqualTo(3_000_000);

        robot.clickOn("#model-verify-qfc-embed-medium");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#model-detail-qfc-embed-medium").startsWith("verified"));

        robot.clickOn("#model-remove-qfc-embed-medium");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Not downloaded".equals(text(robot, "#model-state-qfc-embed-medium")));
        assertThat(cacheRoot.resolve("qfc-embed-medium/v1.0/model.onnx")).doesNotExist();
    }

    private static void waitFor(long seconds, java.util.concurrent.Callable<Boolean> condition, java.util.function.Supplier<String> state)
            throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("still " + state.get() + " after " + seconds + " s", e);
        }
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
