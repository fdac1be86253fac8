package io.vigil.classifier.storage;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Every RocksDB store of the classifier shares one block cache and one write-buffer budget, so the
 * process's off-heap memory stays under {@link #TOTAL_BYTES} however many stores and tasks it runs
 * (Kafka Streams' "bounded memory" recipe).
 */
public final class BoundedMemoryRocksDbConfig implements RocksDBConfigSetter {

  /** Block cache plus memtables of all stores together. */
  public static final long TOTAL_BYTES = 32L * 1024 * 1024;

  /** The part of {@link #TOTAL_BYTES} memtables may use; it is counted against the cache. */
  public static final long MEMTABLE_BYTES = 8L * 1024 * 1024;

  private static final long BLOCK_SIZE = 4 * 1024;

  // Shared across all stores of the process on purpose: that is what bounds the total.
  private static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, 0.1);
  private static final WriteBufferManager WRITE_BUFFERS =
      new WriteBufferManager(MEMTABLE_BYTES, CACHE);

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(CACHE);
    table.setBlockSize(BLOCK_SIZE);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(WRITE_BUFFERS);
    options.setMaxWriteBufferNumber(2);
    options.setWriteBufferSize(MEMTABLE_BYTES / 4);
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and write-buffer manager are shared by every store: never closed per store.
  }
}
