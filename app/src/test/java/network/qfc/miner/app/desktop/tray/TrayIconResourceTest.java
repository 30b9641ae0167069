package network.qfc.miner.app.desktop.tray;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tray shows the PNGs the build generates (icons/generate.sh), not icons drawn at run time: each state, on a
 * light or dark panel, at every slot size a tray may ask for, maps to a shipped resource that really loads (ImageIO,
 * no display needed) at the size the choice promises.
 */
class TrayIconResourceTest {

    @ParameterizedTest(name = "slot {0} px -> {1} ({2} px)")
    @CsvSource({
        "8,   16,     16",
        "16,  16,     16",
        "20,  22,     22",
        "22,  22,     22",
        "24,  24,     24",
        "32,  32,     32", // drawn for 32, not 16@2x
        "40,  22@2x,  44",
        "48,  48,     48", // drawn for 48, not 24@2x
        "64,  32@2x,  64",
        "96,  48@2x,  96",
        "256, 48@2x,  96", // nothing bigger: the biggest, scaled by the tray
    })
    void everyStateAndPanelLoadsAtTheChosenSize(int slot, String size, int pixels) {
        for (TrayState state : TrayState.values()) {
            for (boolean dark : new boolean[] {false, true}) {
                String resource = TrayView.iconResource(state, slot, dark);
                assertThat(resource).isEqualTo("icons/" + state.name().toLowerCase(java.util.Locale.ROOT)
                        + (dark ? "-dark-" : "-light-") + size + ".png");
                BufferedImage image = TrayImages.load(resource);
                assertThat(image).as(resource).isNotNull();
                assertThat(image.getWidth()).as(resource).isEqualTo(pixels);
                assertThat(image.getHeight()).as(resource).isEqualTo(pixels);
                assertThat(image.getColorModel().hasAlpha()).as(resource + " is transparent around the glyph").isTrue();
            }
        }
    }

    @Test
    void theFourStatesLookDifferent() {
        Set<Integer> looks = new HashSet<>();
        for (TrayState state : TrayState.values()) {
            BufferedImage image = TrayImages.load(TrayView.iconResource(state, 22, true));
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            looks.add(java.util.Arrays.hashCode(pixels));
        }
        assertThat(looks).hasSize(TrayState.values().length);
    }

    @Test
    void aMissingIconIsNullNotAnException() {
        assertThat(TrayImages.load("icons/no-such-state-22.png")).isNull();
    }
}
