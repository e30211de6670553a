import { getOperationAST, parse } from 'graphql'

const memo = new Map<string, string | undefined>()
const MAX_MEMO = 500

/** 'query', 'mutation', 'subscription', or undefined for a document that does not parse. */
export const operationType = (query: string, operationName?: string): string | undefined => {
  const memoKey = `${operationName ?? ''}\n${query}`
  if (memo.has(memoKey)) return memo.get(memoKey)
  let type: string | undefined
  try {
    type = getOperationAST(parse(query), operationName)?.operation
  } catch {
    type = undefined
  }
  if (memo.size >= MAX_MEMO) memo.delete(memo.keys().next().value as string)
  memo.set(memoKey, type)
  return type
}
