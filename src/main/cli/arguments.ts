// Commander argument parsers that say what they expected.
import { InvalidArgumentError } from 'commander'

export function positiveNumber(value: string): number {
  const number = Number(value)
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('expected a number above 0')
  return number
}

export function wholeNumber(value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError('expected a whole number')
  return number
}

export function commaList(value: string): string[] {
  return value.split(',').map((part) => part.trim()).filter(Boolean)
}

export function positiveInt(value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('expected a whole number above 0')
  return number
}
