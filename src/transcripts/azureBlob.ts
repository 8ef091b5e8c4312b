import { BlobServiceClient, StorageRetryPolicyType, type ContainerClient } from '@azure/storage-blob';

/**
 * A container client whose calls give up in bounded time: two tries of at most `timeoutMs` each.
 * The SDK's default retry policy takes about 16 s to report an outage, longer than a channel waits
 * for a turn (15 s), so a turn would time out before the bot could carry on in degraded mode.
 */
export function blobContainer(connectionString: string, container: string, timeoutMs: number): ContainerClient {
  const service = BlobServiceClient.fromConnectionString(connectionString, {
    retryOptions: {
      retryPolicyType: StorageRetryPolicyType.EXPONENTIAL,
      maxTries: 2,
      tryTimeoutInMs: timeoutMs,
      retryDelayInMs: 200,
      maxRetryDelayInMs: 500,
    },
    keepAliveOptions: { enable: true },
  });
  return service.getContainerClient(container);
}
