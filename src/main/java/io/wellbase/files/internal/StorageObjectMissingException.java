package io.wellbase.files.internal;

import java.io.IOException;

/** The index names a file whose bytes are gone from storage. */
class StorageObjectMissingException extends IOException {

    StorageObjectMissingException(String key) {
        super("No object in storage under " + key);
    }
}
