package network.qfc.miner.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** JavaFX logs through java.util.logging; after start-up its records arrive in Logback like everyone else's. */
class JavaUtilLoggingRouteTest {

    @Test
    void aJavaUtilLoggingRecordReachesLogbackWithItsLoggerAndLevel() {
        Main.routeJavaUtilLogging();
        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        root.addAppender(seen);
        try {
            java.util.logging.Logger.getLogger("javafx.scene.focus").warning("from java.util.logging");
            assertThat(seen.list).anySatisfy(e -> {
                assertThat(e.getLoggerName()).isEqualTo("javafx.scene.focus");
                assertThat(e.getLevel()).isEqualTo(Level.WARN);
                assertThat(e.getFormattedMessage()).isEqualTo("from java.util.logging");
            });
        } finally {
            root.detachAppender(seen);
        }
    }
}
