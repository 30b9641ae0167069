package network.qfc.miner.app.desktop;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;

/**
 * Enter on a radio button or check box presses the default button ("Next", "Replace"), as on Windows: JavaFX would
 * otherwise spend Enter on re-selecting the choice, so a keyboard user who picked an option with the arrow keys could
 * not go on with Enter. Space still selects or ticks. Other buttons keep JavaFX's own Enter (press the focused one).
 */
public final class EnterMeansDone {
    private static final KeyCodeCombination ENTER = new KeyCodeCombination(KeyCode.ENTER);

    private EnterMeansDone() {
    }

    /** Makes Enter on a choice anywhere under {@code root} press the scene's default button, when there is one. */
    public static void under(Node root) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Scene scene = root.getScene();
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()
                    && (e.getTarget() instanceof RadioButton || e.getTarget() instanceof CheckBox) && scene != null) {
                Runnable defaultButton = scene.getAccelerators().get(ENTER);
                if (defaultButton != null) {
                    e.consume();
                    defaultButton.run();
                }
            }
        });
    }
}
