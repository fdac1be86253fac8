package io.vigil.ingest.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a request body as one JSON object under hard limits — strict UTF-8, at most {@value
 * #MAX_DEPTH} levels of nesting, numbers of at most {@value #MAX_NUMBER_LENGTH} digits — and says
 * exactly which rule a refused body broke, so a hostile body costs a bounded amount of work.
 */
public final class StrictJson {

  /** The deepest nesting of objects and arrays accepted anywhere in a body. */
  public static final int MAX_DEPTH = 32;

  /** The longest number literal accepted. */
  public static final int MAX_NUMBER_LENGTH = 100;

  private static final ObjectMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_DEPTH)
                          .maxNumberLength(MAX_NUMBER_LENGTH)
                          .build())
                  .build())
          .build();

  private StrictJson() {}

  /**
   * Decodes {@code body} as UTF-8, refusing malformed byte sequences instead of replacing them.
   *
   * @throws BadJsonException naming the offset of the first bad byte
   */
  public static String utf8(byte[] body) throws BadJsonException {
    if (body == null) {
      return "";
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    try {
      return decoder.decode(in).toString();
    } catch (MalformedInputException e) {
      throw new BadJsonException(
          "Request body is not valid UTF-8 (bad byte 0x"
              + String.format(Locale.ROOT, "%02X", body[Math.min(in.position(), body.length - 1)])
              + " at byte offset "
              + in.position()
              + "); send JSON encoded as UTF-8");
    } catch (CharacterCodingException e) {
      throw new BadJsonException("Request body is not valid UTF-8; send JSON encoded as UTF-8");
    }
  }

  /**
   * Parses {@code text} as one JSON object.
   *
   * @param expected what the sender should have sent, for the error message
   * @throws BadJsonException when it is empty, not JSON, too deep, or not an object
   */
  public static JsonNode readObject(String text, String expected) throws BadJsonException {
    if (text == null || text.isBlank()) {
      throw new BadJsonException("Request body is empty: send " + expected);
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (StreamConstraintsException e) {
      String m = e.getOriginalMessage();
      if (m != null && m.contains("nesting depth")) {
        throw new BadJsonException(
            "Request body nests JSON objects and arrays deeper than "
                + MAX_DEPTH
                + " levels (the limit); flatten the deepest field");
      }
      if (m != null && m.contains("Number value length")) {
        throw new BadJsonException(
            "Request body has a number longer than "
                + MAX_NUMBER_LENGTH
                + " characters (the limit); send it as a string");
      }
      throw new BadJsonException("Request body exceeds a JSON parsing limit: " + m);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new BadJsonException(
          "Request body is not valid JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
              + ": "
              + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new BadJsonException(
          "Request body must be a JSON object, not "
              + (root == null || root.isMissingNode()
                  ? "nothing"
                  : root.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    return root;
  }

  /** Strict UTF-8 decoding, then {@link #readObject}. */
  public static JsonNode readObject(byte[] body, String expected) throws BadJsonException {
    return readObject(utf8(body), expected);
  }

  /** The JSON text of a parsed node, for fields kept verbatim (custom details). */
  public static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a parsed JSON node back out", e);
    }
  }

  /** A body that is not a JSON object within the limits; the message tells the sender why. */
  public static final class BadJsonException extends Exception {

    public BadJsonException(String message) {
      super(message);
    }
  }
}
