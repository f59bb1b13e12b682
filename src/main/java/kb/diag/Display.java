package kb.diag;

import java.nio.file.Path;

/** How file paths are shown in diagnostics: relative to the working directory when inside it. */
public final class Display {

    private Display() {
    }

    /** The path relative to the current directory if it lies below it, else absolute. */
    public static String of(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        String shown = abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
        return shown.replace('\\', '/');
    }
}
