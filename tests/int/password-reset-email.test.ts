import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { SMTPServer } from 'smtp-server'

import { login, registerFirstAdmin, request } from '../helpers/api'
import { freePort } from '../helpers/ports'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Issue 9, item 6: "wachtwoord vergeten" sends a Dutch e-mail over SMTP (SMTP_* settings,
 * @payloadcms/email-nodemailer) whose link resets the password. A real SMTP server
 * (smtp-server from npm) receives it.
 */

type Mail = { from: string; to: string[]; raw: string }

let server: TestServer
let smtp: SMTPServer
const mails: Mail[] = []

/** The text of a MIME message with quoted-printable soft breaks and escapes undone. */
const decoded = (raw: string) =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))

const waitForMail = async (to: string): Promise<Mail> => {
  for (let i = 0; i < 100; i++) {
    const mail = mails.find((m) => m.to.includes(to))
    if (mail) return mail
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`no e-mail to ${to} arrived`)
}

beforeAll(async () => {
  const smtpPort = await freePort()
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = ''
      stream.setEncoding('utf8')
      stream.on('data', (chunk: string) => (raw += chunk))
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve))
  server = await startServer({
    SEED_ON_START: 'false',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    SMTP_SECURE: 'false',
    SMTP_FROM: 'cms@koersenkansen.example',
  })
  await registerFirstAdmin(server.url)
})

afterAll(async () => {
  await server?.stop()
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()))
})

describe('wachtwoord vergeten', () => {
  it('mails a Dutch link that resets the password', async () => {
    const asked = await request(server.url, '/api/users/forgot-password', {
      method: 'POST',
      json: { email: 'beheerder@example.test' },
    })
    expect(asked.status).toBe(200)
    const mail = await waitForMail('beheerder@example.test')
    expect(mail.from).toBe('cms@koersenkansen.example')
    const text = decoded(mail.raw)
    expect(text).toMatch(/Subject: .*(Nieuw wachtwoord|=\?UTF-8\?)/i)
    expect(text).toContain('Kies een nieuw wachtwoord')
    const token = /\/admin\/reset\/([A-Za-z0-9]+)/.exec(text)?.[1]
    expect(token).toBeTruthy()
    expect(text).toContain(`${server.url}/admin/reset/${token}`)

    const reset = await request(server.url, '/api/users/reset-password', {
      method: 'POST',
      json: { token, password: 'Nieuw-wachtwoord-42' },
    })
    expect(reset.status).toBe(200)
    await expect(login(server.url, 'beheerder@example.test', 'Nieuw-wachtwoord-42')).resolves.toBeTruthy()
    await expect(login(server.url, 'beheerder@example.test', 'Test-wachtwoord-1')).rejects.toThrow()
  })
})
