package io.wellbase.files.internal;

/** A user's file name made safe to keep and to send back: no folders, no control characters. */
final class FileNames {

    private FileNames() {}

    static String clean(String filename) {
        String name = filename == null ? "" : filename;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "file";
        }
        return name.length() > 255 ? name.substring(0, 255) : name;
    }
}
