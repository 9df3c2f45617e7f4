package dev.undertone.core.sentiment.fast;

import java.util.Arrays;
import java.util.List;

/**
 * The training examples as sparse rows of the weight table: for example {@code i}, the entries
 * {@code offsets[i]..offsets[i+1]} of {@code rows} and {@code values}, each row once (repeated
 * features are merged, each hashed group scaled as {@link Scorer} scales it).
 */
final class ExampleSet {

    final int[] offsets;
    final int[] rows;
    final float[] values;
    final byte[] labels;

    private ExampleSet(int[] offsets, int[] rows, float[] values, byte[] labels) {
        this.offsets = offsets;
        this.rows = rows;
        this.values = values;
        this.labels = labels;
    }

    int size() {
        return labels.length;
    }

    /** Extracts the features of every text. */
    static ExampleSet of(
            FeatureExtractor extractor,
            List<String> texts,
            byte[] labels,
            TrainingListener listener) {
        Recorder rec = new Recorder(extractor.spec().buckets());
        Tokens tokens = new Tokens();
        int[] offsets = new int[texts.size() + 1];
        listener.phase("features", texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String normalized = extractor.prepare(texts.get(i));
            rec.begin();
            if (!normalized.isEmpty()) {
                extractor.extract(normalized, tokens, rec);
            }
            rec.end();
            offsets[i + 1] = rec.size;
            if ((i + 1) % 1000 == 0) {
                listener.progress(i + 1);
            }
        }
        listener.progress(texts.size());
        return new ExampleSet(
                offsets,
                Arrays.copyOf(rec.rows, rec.size),
                Arrays.copyOf(rec.values, rec.size),
                labels.clone());
    }

    /** Collects the features of one text at a time, appending them merged to growing arrays. */
    private static final class Recorder implements FeatureSink {
        private final int denseBase;
        int[] rows = new int[1 << 20];
        float[] values = new float[1 << 20];
        int size;

        private long[] pending = new long[1024];
        private int pendingCount;
        private final int[] groupCounts = new int[2];
        private final float[] dense = new float[DenseFeatures.COUNT];

        Recorder(int buckets) {
            this.denseBase = buckets;
        }

        void begin() {
            pendingCount = 0;
            groupCounts[0] = 0;
            groupCounts[1] = 0;
            Arrays.fill(dense, 0f);
        }

        @Override
        public void hashed(int group, int[] buckets, int count) {
            if (pendingCount + count > pending.length) {
                pending =
                        Arrays.copyOf(pending, Math.max(pendingCount + count, pending.length * 2));
            }
            for (int i = 0; i < count; i++) {
                pending[pendingCount++] = ((long) buckets[i] << 1) | group;
            }
            groupCounts[group] += count;
        }

        @Override
        public void dense(int slot, float value) {
            dense[slot] += value;
        }

        void end() {
            Arrays.sort(pending, 0, pendingCount);
            float[] scale = {
                (float) Scorer.scale(groupCounts[0]), (float) Scorer.scale(groupCounts[1])
            };
            int i = 0;
            while (i < pendingCount) {
                int row = (int) (pending[i] >>> 1);
                float v = 0;
                while (i < pendingCount && (int) (pending[i] >>> 1) == row) {
                    v += scale[(int) (pending[i] & 1)];
                    i++;
                }
                append(row, v);
            }
            for (int s = 0; s < DenseFeatures.COUNT; s++) {
                if (dense[s] != 0f) {
                    append(denseBase + s, dense[s]);
                }
            }
        }

        private void append(int row, float v) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            rows[size] = row;
            values[size] = v;
            size++;
        }
    }
}
