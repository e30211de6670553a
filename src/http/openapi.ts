import type { Request, Response } from 'express'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The public contract: `GET /api/openapi.json` (generated/openapi.json, open to any
 * origin) and `GET /api/docs`, Swagger UI rendering it, served from this origin: no
 * CDN, no validator badge calling out, so the page works on a closed network too.
 */
const here = path.dirname(fileURLToPath(import.meta.url))

/** dist/server.js and src/http/openapi.ts both find the repository's generated/ folder. */
const documentFile = (): string => {
  for (const up of ['..', '../..']) {
    const file = path.resolve(here, up, 'generated/openapi.json')
    if (fs.existsSync(file)) return file
  }
  throw new Error('generated/openapi.json is missing: run `npm run generate`')
}

let document: Buffer | undefined

export const openApiDocument = (_req: Request, res: Response): void => {
  document ??= fs.readFileSync(documentFile())
  res.setHeader('Access-Control-Allow-Origin', '*')
  res.setHeader('Cache-Control', 'public, max-age=300')
  res.type('application/json').send(document)
}

const swaggerDir = (): string =>
  path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))

/** Only the files the page needs, by name: nothing else from the package is served. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css',
  'swagger-ui-bundle.js': 'text/javascript',
  'favicon-32x32.png': 'image/png',
}

export const docsAsset = (req: Request, res: Response): void => {
  const name = String(req.params.asset)
  const type = ASSETS[name]
  if (!type) {
    res.status(404).json({ errors: [{ message: 'Niet gevonden.' }] })
    return
  }
  res.setHeader('Cache-Control', 'public, max-age=86400')
  res.type(type).sendFile(path.join(swaggerDir(), name))
}

const INIT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#docs',
    deepLinking: true,
    validatorUrl: null,
    docExpansion: 'none',
    defaultModelsExpandDepth: 0,
    tryItOutEnabled: false,
  })
})
`

export const docsInit = (_req: Request, res: Response): void => {
  res.setHeader('Cache-Control', 'public, max-age=300')
  res.type('text/javascript').send(INIT)
}

const PAGE = `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>API-documentatie – Koers en kansen CMS</title>
  <link rel="icon" href="/api/docs/assets/favicon-32x32.png">
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="docs"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>
`

export const docsPage = (_req: Request, res: Response): void => {
  res.setHeader('Cache-Control', 'public, max-age=300')
  res.type('text/html').send(PAGE)
}
