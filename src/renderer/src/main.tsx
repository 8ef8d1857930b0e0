import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { chooseEmojiFont } from './fonts'
import './styles.css'

void chooseEmojiFont()
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>
)
