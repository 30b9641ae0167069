package network.qfc.miner.app.desktop.dashboard;

import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/** A row of toggle buttons of which exactly one is chosen (a range, a period), bound to a property. */
final class ChoiceBar {
    private ChoiceBar() {
    }

    /** A section's heading: its title on the left, the bar of choices on the right (kept whole). */
    static HBox heading(String title, HBox bar) {
        javafx.scene.control.Label t = new javafx.scene.control.Label(title);
        t.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_4);
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        bar.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox head = new HBox(12, t, spacer, bar);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return head;
    }

    /**
     * @param id         each button's node id
     * @param accessible what a screen reader says for each button (its text when null)
     */
    static <T> HBox of(T[] values, ObjectProperty<T> chosen, Function<T, String> text, Function<T, String> id,
            Function<T, String> accessible) {
        ToggleGroup group = new ToggleGroup();
        HBox bar = new HBox(4);
        for (T v : values) {
            ToggleButton b = new ToggleButton(text.apply(v));
            b.setId(id.apply(v));
            if (accessible != null) {
                b.setAccessibleText(accessible.apply(v));
            }
            b.setToggleGroup(group);
            b.setSelected(chosen.get() == v);
            b.setOnAction(e -> {
                if (b.isSelected()) {
                    chosen.set(v);
                } else {
                    b.setSelected(true); // one stays chosen
                }
            });
            bar.getChildren().add(b);
        }
        return bar;
    }
}
