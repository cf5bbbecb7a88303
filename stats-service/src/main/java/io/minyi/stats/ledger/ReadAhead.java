package io.minyi.stats.ledger;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An iterator whose elements a thread of its own reads ahead, in batches, while the caller works on the
 * earlier ones: the 台账 reads its cursor and names its rows while the workbook is being written, so the
 * export takes as long as the slower of the two, not their sum. At most {@code batches} batches wait.
 * Closing it (the download was abandoned) stops the reader; a failure in the reader is thrown to the caller.
 */
final class ReadAhead<T> implements Iterator<T>, AutoCloseable {

    private static final int BATCH = 500;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Thread reader;
    private volatile boolean closed;
    private Iterator<T> current = java.util.Collections.emptyIterator();
    private boolean ended;

    ReadAhead(Iterator<T> source, int batches, String name) {
        this.queue = new ArrayBlockingQueue<>(batches);
        this.reader = new Thread(() -> read(source), name);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Iterator<T> source) {
        try {
            List<T> batch = new ArrayList<>(BATCH);
            while (!closed && source.hasNext()) {
                batch.add(source.next());
                if (batch.size() == BATCH) {
                    put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                put(batch);
            }
            put(END);
        } catch (RuntimeException e) {
            try {
                put(e);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(Object item) throws InterruptedException {
        while (!closed && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
            // the writer is slower: wait for room, unless the download is gone
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean hasNext() {
        while (!current.hasNext() && !ended) {
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading ahead", e);
            }
            if (next == END) {
                ended = true;
            } else if (next instanceof RuntimeException e) {
                ended = true;
                throw e;
            } else {
                current = ((List<T>) next).iterator();
            }
        }
        return current.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
    }
}
