package network.icn.erasure;

import network.icn.erasure.gf.GfKernel;
import network.icn.erasure.gf.GfMatrix;
import network.icn.erasure.gf.MatrixCoder;

/**
 * How to rebuild the missing shards of one erasure pattern: which k present shards to read, and the
 * prepared decode matrices for the missing data shards alone and for every missing shard.
 * Immutable; built once per pattern and cached by {@link DecodePlanCache}.
 */
final class DecodePlan {

  private final int[] inputs;
  private final int[] missingData;
  private final int[] missingAll;
  private final MatrixCoder dataCoder; // null when no data shard is missing
  private final MatrixCoder allCoder; // null when nothing is missing

  private DecodePlan(
      int[] inputs,
      int[] missingData,
      int[] missingAll,
      MatrixCoder dataCoder,
      MatrixCoder allCoder) {
    this.inputs = inputs;
    this.missingData = missingData;
    this.missingAll = missingAll;
    this.dataCoder = dataCoder;
    this.allCoder = allCoder;
  }

  /**
   * Builds the plan for {@code present} (already validated to hold at least k shards).
   *
   * <p>The inputs are the first k present shards. With E the n x k encoding matrix and S its rows
   * for those inputs, the data is D = S^-1 * inputs, so missing data row d is row d of S^-1 and a
   * missing parity row p is E[p] * S^-1.
   */
  static DecodePlan build(GfMatrix encoding, int dataShards, boolean[] present, GfKernel kernel) {
    int total = present.length;
    int[] inputs = new int[dataShards];
    int found = 0;
    int missingDataCount = 0;
    int missingCount = 0;
    for (int i = 0; i < total; i++) {
      if (present[i]) {
        if (found < dataShards) {
          inputs[found++] = i;
        }
      } else {
        missingCount++;
        if (i < dataShards) {
          missingDataCount++;
        }
      }
    }
    int[] missingAll = new int[missingCount];
    int[] missingData = new int[missingDataCount];
    int a = 0;
    for (int i = 0; i < total; i++) {
      if (!present[i]) {
        missingAll[a++] = i;
      }
    }
    System.arraycopy(missingAll, 0, missingData, 0, missingDataCount);
    if (missingCount == 0) {
      return new DecodePlan(inputs, missingData, missingAll, null, null);
    }
    GfMatrix decode = encoding.selectRows(inputs).inverse();
    GfMatrix all = encoding.selectRows(missingAll).times(decode);
    MatrixCoder allCoder = kernel.prepare(all);
    MatrixCoder dataCoder =
        missingDataCount == 0
            ? null
            : missingDataCount == missingCount
                ? allCoder
                : kernel.prepare(all.rowRange(0, missingDataCount));
    return new DecodePlan(inputs, missingData, missingAll, dataCoder, allCoder);
  }

  /** Indexes of the k shards read. */
  int[] inputs() {
    return inputs;
  }

  /** Indexes of the missing data shards, ascending. */
  int[] missingData() {
    return missingData;
  }

  /** Indexes of every missing shard, ascending (data first). */
  int[] missingAll() {
    return missingAll;
  }

  /** Rebuilds {@link #missingData()} from {@link #inputs()}; null if there is none. */
  MatrixCoder dataCoder() {
    return dataCoder;
  }

  /** Rebuilds {@link #missingAll()} from {@link #inputs()}; null if there is none. */
  MatrixCoder allCoder() {
    return allCoder;
  }
}
