package dev.authpack.rendering;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;

/**
 * The sRGB output intent PDF/A requires. The JDK ships a standard sRGB ICC profile (java.desktop),
 * so no profile file is committed; its bytes are read once.
 */
final class ColorProfile {

    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private ColorProfile() {
    }

    static byte[] srgb() {
        return SRGB.clone();
    }
}
