import type { CollectionAfterChangeHook, Payload } from 'payload'

/**
 * @payloadcms/storage-s3 3.90's `handleUpload` returns the document it was given, and the
 * cloud-storage plugin's afterChange hook treats whatever comes back as new metadata: it
 * saves the whole document a second time (`payload.update` with
 * `context.skipCloudStorage`). That second save runs every hook again: a second version,
 * a second audit entry, a second publish webhook. Nothing in it is new (S3 adds no
 * metadata), so while the plugin's hook runs, that one call is skipped.
 */
export const skipEchoUpdate =
  (hook: CollectionAfterChangeHook): CollectionAfterChangeHook =>
  async (args) => {
    const { req } = args
    const payload = req.payload
    const update: Payload['update'] = (async (options: Parameters<Payload['update']>[0]) =>
      options.req?.context?.skipCloudStorage
        ? { docs: [], errors: [] }
        : payload.update(options)) as Payload['update']
    req.payload = new Proxy(payload, {
      get: (target, property, receiver) =>
        property === 'update' ? update : Reflect.get(target, property, receiver),
    })
    try {
      return await hook(args)
    } finally {
      req.payload = payload
    }
  }
