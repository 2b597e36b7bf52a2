package io.wellbase.messaging;

import java.util.UUID;

/**
 * A second reader of a client's messages in a chat session, beside the keyword list: a module that can judge
 * text (care, with a language model) provides one as a bean, and a message it judges a crisis raises the
 * session to emergency and tells the client where to find help, as a keyword does. Called after the message
 * is stored and off the request, so a slow model never holds a message back; none is configured by default.
 */
public interface CrisisClassifier {

    /** Whether the text signals a crisis (thoughts of self-harm, danger to life). */
    boolean signalsCrisis(UUID organizationId, String text);
}
