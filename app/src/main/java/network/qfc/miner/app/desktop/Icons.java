package network.qfc.miner.app.desktop;

import java.io.InputStream;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The app icon at every size the build ships ({@code icons/app-<size>.png}), for the window and the task bar. */
final class Icons {
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    private Icons() {
    }

    static void apply(Stage stage) {
        for (int size : SIZES) {
            try (InputStream in = Icons.class.getResourceAsStream("icons/app-" + size + ".png")) {
                if (in != null) {
                    stage.getIcons().add(new Image(in));
                }
            } catch (java.io.IOException e) {
                // an icon that cannot be read is left out
            }
        }
    }
}
