package network.qfc.miner.app.desktop.logs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The desktop logging configuration switched on in this JVM: a real rolling file and the ring. */
class DesktopLoggingTest {
    @TempDir
    Path dir;

    @AfterEach
    void restoreTheTestConfiguration() throws Exception {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        new ContextInitializer(ctx).autoConfig();
    }

    @Test
    void writesTheLogFileAndKeepsLinesForThePage() throws Exception {
        assertThat(DesktopLogging.ring()).isEmpty();
        DesktopLogging.install(dir);
        LoggerFactory.getLogger("network.qfc.miner.test.Probe").warn("a desktop warning");
        LoggerFactory.getLogger("network.qfc.miner.test.Probe").debug("not kept at INFO");
        LogRing ring = DesktopLogging.ring().orElseThrow();
        assertThat(ring.snapshot()).extracting(LogLine::message).contains("a desktop warning").doesNotContain("not kept at INFO");
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop(); // flush and close the file
        assertThat(Files.readString(dir.resolve(DesktopLogging.FILE_NAME))).contains("WARN").contains("a desktop warning");
    }

    @Test
    void theRingKeepsOnlyTheNewestLines() {
        LogRing ring = new LogRing();
        ring.setCapacity(3);
        ring.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        ring.start();
        int[] told = {0};
        ring.onLine(() -> told[0]++);
        for (int i = 0; i < 5; i++) {
            ch.qos.logback.classic.spi.LoggingEvent e = new ch.qos.logback.classic.spi.LoggingEvent();
            e.setLevel(ch.qos.logback.classic.Level.INFO);
            e.setLoggerName("a.b.C");
            e.setMessage("line " + i);
            e.setTimeStamp(System.currentTimeMillis());
            ring.doAppend(e);
        }
        assertThat(ring.snapshot()).extracting(LogLine::message).containsExactly("line 2", "line 3", "line 4");
        assertThat(told[0]).isEqualTo(5);
        assertThat(ring.snapshot().get(0).logger()).isEqualTo("C");
    }
}
