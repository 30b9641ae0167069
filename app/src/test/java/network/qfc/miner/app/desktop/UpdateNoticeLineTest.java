package network.qfc.miner.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The update notice is one quiet line at the foot of the window's sidebar, whole (wrapped, never cut). */
@ExtendWith(ApplicationExtension.class)
class UpdateNoticeLineTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(new Label("header"));
        stage.setScene(new Scene(window.root(), 900, 600));
        stage.show();
    }

    @Test
    void theNoticeSitsAtTheFootOfTheSidebar(FxRobot robot) {
        String line = "update: qfc-desktop-miner 0.2.0 is out (this is 0.1.0): https://example.invalid/tag/v0.2.0";
        robot.interact(() -> window.showNotice(line));
        Label notice = robot.lookup("#update-notice").queryAs(Label.class);
        assertThat(notice.getText()).isEqualTo(line);
        assertThat(notice.isWrapText()).isTrue();
        assertThat(notice.getParent().getChildrenUnmodifiable()).last().isSameAs(notice);
        assertThat(notice.getStyleClass()).contains("text-muted");
        assertThat(notice.localToScene(notice.getBoundsInLocal()).getMaxY())
                .isGreaterThan(window.root().getHeight() / 2); // pushed down by the spacer
    }
}
