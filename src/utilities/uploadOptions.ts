import type { Config } from 'payload'

import { humanFileSize } from './fileSize'
import { uploadMaxBytes } from './env'

/**
 * Payload's multipart limits. Too large a file ends the upload at the limit with a
 * 413 in Payload's error shape (nothing is written: the file is refused while it
 * is still being received). The message is in both languages because it is made
 * before the request's language is known. The whole request may be a little larger
 * than the file (the other form fields), so the file limit is the one that speaks.
 */
export const uploadOptions = (): NonNullable<Config['upload']> => {
  const max = uploadMaxBytes()
  return {
    limits: { fileSize: max },
    requestSizeLimit: max + 1024 * 1024,
    abortOnLimit: true,
    responseOnLimit: `Het bestand is te groot: maximaal ${humanFileSize(max, 'nl')}. / The file is too large: at most ${humanFileSize(max, 'en')}.`,
  }
}
