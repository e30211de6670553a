import type { S3ClientConfig } from '@aws-sdk/client-s3'

/** Object storage settings from the environment; null when S3_BUCKET is unset (local disk). */
export type S3Settings = { bucket: string; client: S3ClientConfig }

const flag = (value: string | undefined) => value === 'true' || value === '1'

export const s3Settings = (): S3Settings | null => {
  const bucket = process.env.S3_BUCKET?.trim()
  if (!bucket) return null
  const accessKeyId = process.env.S3_ACCESS_KEY_ID
  const secretAccessKey = process.env.S3_SECRET_ACCESS_KEY
  return {
    bucket,
    client: {
      region: process.env.S3_REGION || 'us-east-1',
      ...(process.env.S3_ENDPOINT ? { endpoint: process.env.S3_ENDPOINT } : {}),
      // MinIO, Garage, Ceph and most self-hosted stores want bucket/key paths, not bucket subdomains.
      forcePathStyle: flag(process.env.S3_FORCE_PATH_STYLE),
      // Without keys the SDK's default chain applies (instance role, AWS_* variables).
      ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
      // Newer SDKs add CRC checksums to every upload in a form many S3-compatible stores
      // do not understand yet; send and check them only where S3 requires it.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    },
  }
}
