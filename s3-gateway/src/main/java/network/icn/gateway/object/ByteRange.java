package network.icn.gateway.object;

/**
 * An HTTP byte range as S3 accepts it: {@code bytes=first-last}, {@code bytes=first-} or {@code
 * bytes=-suffixLength}. {@link #resolve(long)} turns it into an offset and length within an object.
 */
public sealed interface ByteRange {
  /** {@code bytes=first-last}, both inclusive. */
  record FromTo(long first, long last) implements ByteRange {
    public FromTo {
      if (first < 0 || last < first) {
        throw new ObjectException(
            ObjectError.INVALID_RANGE, "invalid range bytes=" + first + "-" + last);
      }
    }
  }

  /** {@code bytes=first-}. */
  record From(long first) implements ByteRange {
    public From {
      if (first < 0) {
        throw new ObjectException(ObjectError.INVALID_RANGE, "invalid range bytes=" + first + "-");
      }
    }
  }

  /** {@code bytes=-length}: the last {@code length} bytes. */
  record Suffix(long length) implements ByteRange {
    public Suffix {
      if (length <= 0) {
        throw new ObjectException(ObjectError.INVALID_RANGE, "invalid range bytes=-" + length);
      }
    }
  }

  /** The resolved part of an object: {@code [offset, offset + length)}. */
  record Resolved(long offset, long length) {}

  /**
   * The part of an object of {@code size} bytes this range selects, clamped to the object.
   *
   * @throws ObjectException {@link ObjectError#INVALID_RANGE} when it selects nothing (S3 answers
   *     416)
   */
  default Resolved resolve(long size) {
    return switch (this) {
      case FromTo(long first, long last) -> {
        if (first >= size) {
          throw unsatisfiable(size);
        }
        yield new Resolved(first, Math.min(last, size - 1) - first + 1);
      }
      case From(long first) -> {
        if (first >= size) {
          throw unsatisfiable(size);
        }
        yield new Resolved(first, size - first);
      }
      case Suffix(long length) -> {
        if (size == 0) {
          throw unsatisfiable(size);
        }
        long n = Math.min(length, size);
        yield new Resolved(size - n, n);
      }
    };
  }

  private ObjectException unsatisfiable(long size) {
    return new ObjectException(
        ObjectError.INVALID_RANGE, "range " + this + " is not satisfiable for " + size + " bytes");
  }
}
